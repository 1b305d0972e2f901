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
2 0.271225
4 0.283054
6 0.293871
8 0.301114
10 0.317764
12 0.318242
14 0.325919
16 0.327519
18 0.310505
20 0.319337
EOD
$b1_1 << EOD
2 0.258598 0.283852
4 0.170419 0.395688
6 0.0701967 0.517546
8 0.0947312 0.507496
10 0 0.710742
12 0.0669355 0.569548
14 0.0916884 0.560149
16 0.121647 0.533391
18 0.118893 0.502118
20 0.16925 0.469423
EOD
$m1_2 << EOD
2 0.399873
4 0.434584
6 0.440542
8 0.445124
10 0.432678
12 0.433825
14 0.443069
16 0.446876
18 0.444842
20 0.448645
EOD
$b1_2 << EOD
2 0.234049 0.565697
4 0.120399 0.748769
6 0.195847 0.685237
8 0.116167 0.774081
10 0.192963 0.672394
12 0.161969 0.705681
14 0.243933 0.642204
16 0.184278 0.709474
18 0.170741 0.718943
20 0.332914 0.564376
EOD
$m1_3 << EOD
2 0.0167456
4 0.0403582
6 0.038283
8 0.0433351
10 0.0438527
12 0.0399345
14 0.0377927
16 0.0439504
18 0.0465236
20 0.0466578
EOD
$b1_3 << EOD
2 0 0.0342092
4 0 0.101524
6 0 0.101441
8 0.0404341 0.0462362
10 0.0291823 0.0585231
12 0.0319362 0.0479329
14 0.0118002 0.0637853
16 0.0241569 0.063744
18 0.0399897 0.0530576
20 0.00564432 0.0876713
EOD
$m2_1 << EOD
2 0.00296435
4 0.00391575
6 0.00372367
8 0.00512224
10 0.00733757
12 0.00459783
14 0.00515249
16 0.00554648
18 0.00495834
20 0.00509466
EOD
$b2_1 << EOD
2 0.00235057 0.00357813
4 0.000341377 0.00749012
6 0 0.00827871
8 0 0.0313059
10 0 0.0498988
12 0 0.0128124
14 0 0.0243203
16 0 0.0219393
18 0 0.0143209
20 0.00402693 0.0061624
EOD
$m2_2 << EOD
2 0.0170025
4 0.0216325
6 0.026142
8 0.0165166
10 0.0228073
12 0.0172259
14 0.0194144
16 0.0177613
18 0.021295
20 0.0198074
EOD
$b2_2 << EOD
2 0 0.0514219
4 0 0.114063
6 0 0.154993
8 0 0.0745221
10 0 0.1194
12 0 0.047475
14 0.0114611 0.0273677
16 0 0.040699
18 0 0.0655821
20 0 0.0492654
EOD
$m2_3 << EOD
2 0.00398083
4 0.0102758
6 0.00872629
8 0.00767646
10 0.0059089
12 0.016159
14 0.0079779
16 0.00941202
18 0.0121892
20 0.0112827
EOD
$b2_3 << EOD
2 0 0.0115902
4 0 0.0461338
6 0 0.027269
8 0.0057596 0.00959332
10 0 0.0410517
12 0 0.042815
14 0.00634562 0.00961019
16 0 0.0758437
18 0 0.0932868
20 0.00784554 0.0147198
EOD
$m3_1 << EOD
2 75.9532
4 75.931
6 76.1143
8 76.1913
10 76.7206
12 76.7716
14 76.8722
16 76.9784
18 77.0497
20 78.3377
EOD
$b3_1 << EOD
2 48.4537 100
4 53.8304 98.0317
6 57.1549 95.0736
8 61.3131 91.0695
10 59.3001 94.1411
12 61.8132 91.7299
14 63.4609 90.2834
16 64.4867 89.4702
18 65.0317 89.0677
20 74.7001 81.9753
EOD
$m3_2 << EOD
2 69.1155
4 68.0368
6 67.3663
8 66.2791
10 65.5703
12 65.0073
14 64.5435
16 64.2872
18 64.1476
20 64.1565
EOD
$b3_2 << EOD
2 48.4648 89.7662
4 51.2209 84.8528
6 57.4682 77.2645
8 55.469 77.0893
10 54.3676 76.7729
12 54.4114 75.6032
14 53.74 75.3471
16 53.1127 75.4618
18 53.0952 75.2
20 53.37 74.9431
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
2 82.0893
4 79.7341
6 78.1338
8 77.6566
10 77.3937
12 76.6017
14 76.4746
16 76.0795
18 76.598
20 77.1749
EOD
$b4_2 << EOD
2 81.6214 82.5572
4 75.0818 84.3864
6 69.5477 86.7198
8 59.386 95.9272
10 62.7505 92.0369
12 59.3601 93.8433
14 60.7275 92.2216
16 63.0948 89.0643
18 60.1706 93.0255
20 59.9285 94.4213
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
2 0.282262
4 0.302034
6 0.313062
8 0.333443
10 0.347344
12 0.359729
14 0.362987
16 0.361318
18 0.345997
20 0.348733
EOD
$b5_1 << EOD
2 0.196287 0.368236
4 0.15592 0.448147
6 0 0.671726
8 0 0.779408
10 0 0.981663
12 0 0.944448
14 0 0.970827
16 0 0.828352
18 0 0.766239
20 0.0276405 0.669826
EOD
$m5_2 << EOD
2 0.454782
4 0.491114
6 0.496981
8 0.508085
10 0.495085
12 0.488944
14 0.501197
16 0.496493
18 0.498537
20 0.487582
EOD
$b5_2 << EOD
2 0.0557515 0.853812
4 0 1.02546
6 0.0433253 0.950637
8 0 1.28392
10 0 1.08316
12 0 1.07573
14 0.0877427 0.914652
16 0 1.06556
18 0 1.06454
20 0.229671 0.745494
EOD
$m5_3 << EOD
2 0.00487692
4 0.0106976
6 0.0111541
8 0.0120477
10 0.0122138
12 0.0119518
14 0.0107928
16 0.0126372
18 0.0139087
20 0.012953
EOD
$b5_3 << EOD
2 0.00233224 0.00742159
4 0 0.0434801
6 0 0.0348984
8 0.00532715 0.0187683
10 0.0119771 0.0124505
12 0.00648078 0.0174228
14 0.00233901 0.0192467
16 0.00796655 0.0173077
18 0.0133515 0.0144659
20 0 0.0338434
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
