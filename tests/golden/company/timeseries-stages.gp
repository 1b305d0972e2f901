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
2 0.271716
4 0.282488
6 0.293978
8 0.301994
10 0.317202
12 0.311471
14 0.317786
16 0.330607
18 0.316836
20 0.321077
EOD
$b1_1 << EOD
2 0.228467 0.314965
4 0.156921 0.408054
6 0.111329 0.476628
8 0.0672948 0.536693
10 0 0.642442
12 0.0897531 0.533189
14 0.0971171 0.538454
16 0.0856983 0.575515
18 0.146564 0.487109
20 0.154726 0.487428
EOD
$m1_2 << EOD
2 0.403471
4 0.430927
6 0.444025
8 0.442597
10 0.431543
12 0.430116
14 0.42768
16 0.457483
18 0.450359
20 0.45131
EOD
$b1_2 << EOD
2 0.243293 0.563649
4 0.101062 0.760792
6 0.138934 0.749116
8 0.173662 0.711532
10 0.0701463 0.792939
12 0.121035 0.739197
14 0.187892 0.667467
16 0.18756 0.727407
18 0.121507 0.779211
20 0.401448 0.501172
EOD
$m1_3 << EOD
2 0.0186536
4 0.0361814
6 0.0429738
8 0.0436202
10 0.0415214
12 0.0397676
14 0.0359892
16 0.0392262
18 0.0477997
20 0.04772
EOD
$b1_3 << EOD
2 0 0.0416255
4 0.0117774 0.0605853
6 0 0.0863625
8 0.0264785 0.0607618
10 0.0413094 0.0417333
12 0.03754 0.0419951
14 0.00852936 0.0634491
16 0.000156921 0.0782955
18 0.0449614 0.0506379
20 0 0.108004
EOD
$m2_1 << EOD
2 0.00344019
4 0.00362489
6 0.00410919
8 0.00583004
10 0.00670824
12 0.00500017
14 0.00500604
16 0.00554025
18 0.00545814
20 0.00572435
EOD
$b2_1 << EOD
2 0.00175807 0.00512231
4 0 0.0116129
6 0.00112027 0.00709811
8 0 0.0337755
10 0 0.0425921
12 0 0.015002
14 0 0.0178908
16 0 0.0316393
18 0 0.0205466
20 0.00268944 0.00875926
EOD
$m2_2 << EOD
2 0.017705
4 0.0205222
6 0.0232003
8 0.0212848
10 0.0176477
12 0.0183509
14 0.0171545
16 0.0186332
18 0.0219777
20 0.0265509
EOD
$b2_2 << EOD
2 0 0.0523309
4 0 0.0847112
6 0 0.101393
8 0 0.0700088
10 0 0.0502026
12 0 0.0518935
14 0 0.0675772
16 0 0.0777781
18 0 0.138218
20 0.0260955 0.0270063
EOD
$m2_3 << EOD
2 0.00258211
4 0.00986455
6 0.0118788
8 0.00982859
10 0.00889156
12 0.0137285
14 0.00952628
16 0.0102479
18 0.00924812
20 0.0143626
EOD
$b2_3 << EOD
2 0 0.035391
4 0 0.0686092
6 0 0.0244124
8 0 0.0320257
10 0 0.10621
12 0 0.0867329
14 0 0.0194356
16 0 0.0787385
18 0 0.0270299
20 0.0041135 0.0246118
EOD
$m3_1 << EOD
2 75.9477
4 75.927
6 76.1306
8 76.206
10 76.7258
12 76.778
14 76.8959
16 77.0025
18 77.0826
20 78.386
EOD
$b3_1 << EOD
2 48.4023 100
4 53.435 98.419
6 56.8672 95.394
8 61.2565 91.1555
10 59.2054 94.2463
12 61.5834 91.9725
14 63.2159 90.576
16 64.0534 89.9516
18 64.6373 89.5279
20 75.1873 81.5846
EOD
$m3_2 << EOD
2 69.1279
4 67.9728
6 67.2603
8 66.1903
10 65.6098
12 65.1351
14 64.68
16 64.3958
18 64.2338
20 64.1897
EOD
$b3_2 << EOD
2 48.6237 89.6321
4 51.5223 84.4232
6 58.3544 76.1662
8 55.5835 76.7971
10 54.5044 76.7152
12 55.0635 75.2068
14 54.7068 74.6531
16 54.67 74.1217
18 55.9822 72.4855
20 55.9528 72.4266
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
2 82.188
4 79.1713
6 78.144
8 77.7015
10 77.8926
12 77.0282
14 76.6984
16 76.523
18 76.6503
20 77.1327
EOD
$b4_2 << EOD
2 78.6766 85.6994
4 70.0581 88.2845
6 67.865 88.4229
8 64.0164 91.3866
10 63.6909 92.0943
12 56.7771 97.2793
14 63.1155 90.2813
16 54.9698 98.0763
18 52.7524 100
20 61.739 92.5264
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
2 0.284342
4 0.301086
6 0.314592
8 0.339316
10 0.345988
12 0.35182
14 0.349424
16 0.362225
18 0.347855
20 0.351902
EOD
$b5_1 << EOD
2 0.166482 0.402202
4 0.119374 0.482798
6 0.0175719 0.611612
8 0 0.885054
10 0 0.92586
12 0 0.910974
14 0 0.920305
16 0 0.926683
18 0 0.763486
20 0.040888 0.662916
EOD
$m5_2 << EOD
2 0.46062
4 0.48768
6 0.502716
8 0.514197
10 0.491204
12 0.483785
14 0.475315
16 0.508531
18 0.500961
20 0.492327
EOD
$b5_2 << EOD
2 0.0448331 0.876408
4 0 0.995393
6 0 1.05215
8 0 1.1496
10 0 1.11238
12 0 1.04086
14 0.0236341 0.926995
16 0 1.035
18 0 1.12796
20 0.259419 0.725235
EOD
$m5_3 << EOD
2 0.00554087
4 0.00998719
6 0.0124269
8 0.0129511
10 0.0123915
12 0.0109544
14 0.0101139
16 0.0114458
18 0.0130932
20 0.0134811
EOD
$b5_3 << EOD
2 0.00495589 0.00612585
4 0 0.0242351
6 0 0.0284239
8 0.00432433 0.0215779
10 0 0.0261537
12 0.00555295 0.0163558
14 0 0.0289277
16 0.00898081 0.0139108
18 0.00728605 0.0189003
20 0 0.0371643
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
