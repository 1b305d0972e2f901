# timeseries-stages.gp -- small-shop: the stages over time.
# Written by spcsim 0.2.0 from timeseries.csv; draws timeseries-stages.svg (and timeseries-stages.png, see below).
# Edit freely, then redraw in this folder with:  gnuplot timeseries-stages.gp
# (with the PNG too: gnuplot -e "formats='svg png'" timeseries-stages.gp;
# `spcsim plot DIR` rewrites this file from the CSV files.)

set datafile separator comma
set datafile columnheaders
# The data, cut from timeseries.csv: $mN_K the mean of panel N for stage K, $bN_K its 95% confidence
# interval; the first column is time (weeks).
$m1_1 << EOD
2 0.271079
4 0.284121
6 0.296763
8 0.300916
10 0.316622
12 0.318788
14 0.323964
16 0.327221
18 0.310929
20 0.313577
EOD
$b1_1 << EOD
2 0.256589 0.285568
4 0.185044 0.383197
6 0.109825 0.4837
8 0.0920237 0.509809
10 0 0.724106
12 0.0765777 0.560999
14 0.123545 0.524383
16 0.116749 0.537693
18 0.151644 0.470214
20 0.151902 0.475252
EOD
$m1_2 << EOD
2 0.400123
4 0.43715
6 0.443746
8 0.44472
10 0.431987
12 0.434112
14 0.441246
16 0.44806
18 0.444748
20 0.443836
EOD
$b1_2 << EOD
2 0.231132 0.569113
4 0.0903582 0.783942
6 0.158348 0.729144
8 0.120891 0.76855
10 0.201062 0.662911
12 0.136691 0.731533
14 0.208285 0.674208
16 0.203033 0.693088
18 0.111285 0.778211
20 0.311079 0.576594
EOD
$m1_3 << EOD
2 0.0167456
4 0.0406049
6 0.0385193
8 0.0427343
10 0.0442778
12 0.0415732
14 0.0378614
16 0.0445098
18 0.0450715
20 0.0472973
EOD
$b1_3 << EOD
2 0 0.0342092
4 0 0.098636
6 0 0.0986749
8 0.0321986 0.05327
10 0.0350094 0.0535463
12 0.0287506 0.0543957
14 0.00569416 0.0700286
16 0.0105553 0.0784644
18 0.0405784 0.0495647
20 0.00375321 0.0908415
EOD
$m2_1 << EOD
2 0.00298298
4 0.00396804
6 0.00361259
8 0.00507694
10 0.00692664
12 0.00491168
14 0.00543037
16 0.00518055
18 0.00490638
20 0.00540229
EOD
$b2_1 << EOD
2 0.00260585 0.0033601
4 0.00105808 0.006878
6 0 0.00957911
8 0 0.031836
10 0 0.0547105
12 0 0.0105689
14 0 0.0187147
16 0 0.0138291
18 0 0.0212119
20 0 0.0110458
EOD
$m2_2 << EOD
2 0.0171418
4 0.0248339
6 0.0262757
8 0.0201518
10 0.0216911
12 0.0204019
14 0.0210262
16 0.0179981
18 0.0209054
20 0.0187566
EOD
$b2_2 << EOD
2 0 0.0533306
4 0 0.157941
6 0 0.156826
8 0 0.124347
10 0 0.104101
12 0 0.0862394
14 0 0.0635263
16 0 0.0673875
18 0 0.0849999
20 0 0.0507615
EOD
$m2_3 << EOD
2 0.00398083
4 0.0126052
6 0.00894428
8 0.00766277
10 0.00661677
12 0.0163777
14 0.00810571
16 0.0106474
18 0.0185925
20 0.00940264
EOD
$b2_3 << EOD
2 0 0.0115902
4 0 0.0780621
6 0 0.0302568
8 0.00557199 0.00975356
10 0 0.0327653
12 0 0.0402588
14 0 0.0519839
16 0 0.048527
18 0 0.108782
20 0 0.0284622
EOD
$m3_1 << EOD
2 75.9523
4 75.9348
6 76.1252
8 76.1962
10 76.7237
12 76.7733
14 76.8702
16 76.9724
18 77.0487
20 78.3378
EOD
$b3_1 << EOD
2 48.4417 100
4 53.8821 97.9876
6 57.3053 94.9452
8 61.3799 91.0124
10 59.3424 94.105
12 61.8383 91.7083
14 63.393 90.3474
16 64.2962 89.6486
18 64.8126 89.2848
20 74.9308 81.7447
EOD
$m3_2 << EOD
2 69.112
4 68.0092
6 67.3287
8 66.2023
10 65.5186
12 64.9861
14 64.5029
16 64.1989
18 64.0853
20 64.116
EOD
$b3_2 << EOD
2 48.4167 89.8073
4 50.8424 85.176
6 56.9519 77.7054
8 54.416 77.9887
10 53.6594 77.3778
12 54.1727 75.7994
14 53.9521 75.0537
16 53.9941 74.4036
18 54.2926 73.878
20 54.2645 73.9675
EOD
$m3_3 << EOD
2 70.0505
4 69.2763
6 68.8067
8 68.5219
10 68.3492
12 68.2444
14 68.1809
16 68.1423
18 68.119
20 68.1048
EOD
$b3_3 << EOD
2 0 100
4 0 100
6 0 100
8 0 100
10 0 100
12 0 100
14 0 100
16 0 100
18 0 100
20 0 100
EOD
$m4_1 << EOD
2 90
4 90
6 90
8 90
10 90
12 90
14 90
16 90
18 90
20 90
EOD
$b4_1 << EOD
2 90 90
4 90 90
6 90 90
8 90 90
10 90 90
12 90 90
14 90 90
16 90 90
18 90 90
20 90 90
EOD
$m4_2 << EOD
2 81.881
4 79.6257
6 77.6485
8 77.5474
10 77.4733
12 76.5386
14 76.0885
16 75.9482
18 76.5215
20 77.3595
EOD
$b4_2 << EOD
2 79.7019 84.06
4 76.351 82.9003
6 75.2282 80.0688
8 60.6642 94.4307
10 61.8185 93.1281
12 57.4527 95.6246
14 57.6379 94.5391
16 58.046 93.8504
18 57.1335 95.9095
20 62.2355 92.4835
EOD
$m4_3 << EOD
2 90
4 90
6 90
8 90
10 90
12 90
14 90
16 90
18 90
20 90
EOD
$b4_3 << EOD
2 90 90
4 90 90
6 90 90
8 90 90
10 90 90
12 90 90
14 90 90
16 90 90
18 90 90
20 90 90
EOD
$m5_1 << EOD
2 0.282055
4 0.303481
6 0.315717
8 0.333871
10 0.345272
12 0.36018
14 0.363798
16 0.361875
18 0.344578
20 0.340938
EOD
$b5_1 << EOD
2 0.19345 0.370659
4 0.175755 0.431206
6 0 0.640644
8 0 0.774411
10 0 1.00608
12 0 0.937405
14 0 0.916604
16 0 0.821651
18 0 0.703512
20 0.026296 0.655581
EOD
$m5_2 << EOD
2 0.455625
4 0.499181
6 0.501247
8 0.5107
10 0.492913
12 0.489872
14 0.502196
16 0.50057
18 0.496949
20 0.484109
EOD
$b5_2 << EOD
2 0.0458858 0.865364
4 0 1.13602
6 0 1.0091
8 0 1.31976
10 0 1.0534
12 0 1.12539
14 0.0143535 0.990038
16 0 1.06642
18 0 1.14758
20 0.187155 0.781062
EOD
$m5_3 << EOD
2 0.00487692
4 0.0107903
6 0.011202
8 0.0118928
10 0.0123957
12 0.012067
14 0.011164
16 0.0131779
18 0.013833
20 0.0132111
EOD
$b5_3 << EOD
2 0.00233224 0.00742159
4 0 0.0423952
6 0 0.0343379
8 0.00320343 0.0205821
10 0.00984759 0.0149439
12 0.00513628 0.0189977
14 0.00116223 0.0211659
16 0.0100814 0.0162745
18 0.0114691 0.0161969
20 0 0.0283222
EOD
$m6_1 << EOD
2 9
4 9
6 9
8 8.5
10 9
12 9
14 9
16 9
18 9
20 8.5
EOD
$b6_1 << EOD
2 9 9
4 9 9
6 9 9
8 2.1469 14.8531
10 9 9
12 9 9
14 9 9
16 9 9
18 9 9
20 2.1469 14.8531
EOD
$m6_2 << EOD
2 11.5
4 11.5
6 12
8 12
10 12
12 12
14 12
16 12
18 12
20 12
EOD
$b6_2 << EOD
2 5.1469 17.8531
4 5.1469 17.8531
6 12 12
8 12 12
10 12 12
12 12 12
14 12 12
16 12 12
18 12 12
20 12 12
EOD
$m6_3 << EOD
2 3
4 3
6 3
8 3
10 3
12 3
14 3
16 3
18 3
20 3
EOD
$b6_3 << EOD
2 3 3
4 3 3
6 3 3
8 3 3
10 3 3
12 3 3
14 3 3
16 3 3
18 3 3
20 3 3
EOD

set datafile separator whitespace
set datafile nocolumnheaders
if (!exists("formats")) formats = "svg"
do for [format in formats] {
    if (format eq "png") {
        set terminal pngcairo size 1600,1000 font "sans,16" noenhanced
    } else {
        set terminal svg size 1600,1000 font "sans,16" noenhanced background "white"
    }
    set output "timeseries-stages." . format
    set multiplot layout 3,2 title 'small-shop: the stages over time' font ",20" margins 0.08,0.98,0.09,0.84 spacing 0.09,0.1
    set grid
    set border lw 1.5
    set xrange [0:20]
    set key at screen 0.5, screen 0.925 center center horizontal maxrows 1 samplen 2 width 2
    set title 'Utilisation'
    set xlabel ''
    set ylabel 'busy servers (%)'
    set ytics 20
    plot $b1_1 using 1:($2*100):($3*100) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' notitle, $m1_1 using 1:($2*100) with lines lw 3 lc rgb '#1f77b4' title 'counter', \
         $b1_2 using 1:($2*100):($3*100) with filledcurves fs transparent solid 0.22 noborder lc rgb '#d62728' notitle, $m1_2 using 1:($2*100) with lines lw 3 lc rgb '#d62728' title 'back', \
         $b1_3 using 1:($2*100):($3*100) with filledcurves fs transparent solid 0.22 noborder lc rgb '#2ca02c' notitle, $m1_3 using 1:($2*100) with lines lw 3 lc rgb '#2ca02c' title 'desk'
    unset key
    set title 'Mean wait in queue'
    set xlabel ''
    set ylabel 'minutes'
    set ytics 2
    plot $b2_1 using 1:($2*60):($3*60) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' notitle, $m2_1 using 1:($2*60) with lines lw 3 lc rgb '#1f77b4' title 'counter', \
         $b2_2 using 1:($2*60):($3*60) with filledcurves fs transparent solid 0.22 noborder lc rgb '#d62728' notitle, $m2_2 using 1:($2*60) with lines lw 3 lc rgb '#d62728' title 'back', \
         $b2_3 using 1:($2*60):($3*60) with filledcurves fs transparent solid 0.22 noborder lc rgb '#2ca02c' notitle, $m2_3 using 1:($2*60) with lines lw 3 lc rgb '#2ca02c' title 'desk'
    unset key
    set title 'Employee satisfaction (ESAT)'
    set xlabel ''
    set ylabel 'ESAT (0-100)'
    set ytics 20
    plot $b3_1 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' notitle, $m3_1 using 1:($2*1) with lines lw 3 lc rgb '#1f77b4' title 'counter', \
         $b3_2 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#d62728' notitle, $m3_2 using 1:($2*1) with lines lw 3 lc rgb '#d62728' title 'back', \
         $b3_3 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#2ca02c' notitle, $m3_3 using 1:($2*1) with lines lw 3 lc rgb '#2ca02c' title 'desk'
    unset key
    set title 'Internal service quality (ISQ)'
    set xlabel ''
    set ylabel 'ISQ (0-100)'
    set ytics 10
    plot $b4_1 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' notitle, $m4_1 using 1:($2*1) with lines lw 3 lc rgb '#1f77b4' title 'counter', \
         $b4_2 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#d62728' notitle, $m4_2 using 1:($2*1) with lines lw 3 lc rgb '#d62728' title 'back', \
         $b4_3 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#2ca02c' notitle, $m4_3 using 1:($2*1) with lines lw 3 lc rgb '#2ca02c' title 'desk'
    unset key
    set title 'Work pressure'
    set xlabel 'time (weeks)'
    set ylabel 'pressure (1 = normal load)'
    set ytics 0.5
    plot $b5_1 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' notitle, $m5_1 using 1:($2*1) with lines lw 3 lc rgb '#1f77b4' title 'counter', \
         $b5_2 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#d62728' notitle, $m5_2 using 1:($2*1) with lines lw 3 lc rgb '#d62728' title 'back', \
         $b5_3 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#2ca02c' notitle, $m5_3 using 1:($2*1) with lines lw 3 lc rgb '#2ca02c' title 'desk'
    unset key
    set title 'Headcount'
    set xlabel 'time (weeks)'
    set ylabel 'employees'
    set ytics 5
    plot $b6_1 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' notitle, $m6_1 using 1:($2*1) with lines lw 3 lc rgb '#1f77b4' title 'counter', \
         $b6_2 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#d62728' notitle, $m6_2 using 1:($2*1) with lines lw 3 lc rgb '#d62728' title 'back', \
         $b6_3 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#2ca02c' notitle, $m6_3 using 1:($2*1) with lines lw 3 lc rgb '#2ca02c' title 'desk'
    unset multiplot
    unset output
}
