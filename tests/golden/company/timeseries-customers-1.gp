# timeseries-customers-1.gp -- small-shop: the customers over time (1).
# Written by spcsim 0.2.0 from timeseries.csv; draws timeseries-customers-1.svg (and timeseries-customers-1.png, see below).
# Edit freely, then redraw in this folder with:  gnuplot timeseries-customers-1.gp
# (with the PNG too: gnuplot -e "formats='svg png'" timeseries-customers-1.gp;
# `spcsim plot DIR` rewrites this file from the CSV files.)

set datafile separator comma
set datafile columnheaders
# The data, cut from timeseries.csv: $mN the mean of panel N, $bN its 95% confidence
# interval; the first column is time (weeks).
$m1 << EOD
2 94.1421
4 94.2865
6 93.7198
8 94.166
10 93.3053
12 94.1113
14 92.8959
16 94.517
18 94.6782
20 94.7655
EOD
$b1 << EOD
2 86.8941 100
4 85.7938 100
6 89.5728 97.8669
8 83.5769 100
10 75.5667 100
12 86.1508 100
14 84.3315 100
16 74.0367 100
18 93.5428 95.8137
20 77.7317 100
EOD
$m2 << EOD
2 71.8662
4 71.2413
6 70.8269
8 70.1809
10 70.099
12 69.8235
14 69.6214
16 69.5283
18 69.4823
20 69.7841
EOD
$b2 << EOD
2 65.963 77.7695
4 67.4183 75.0643
6 69.2278 72.4259
8 70.0959 70.2659
10 67.1781 73.02
12 67.8438 71.8033
14 67.9448 71.298
16 67.906 71.1506
18 68.035 70.9296
20 67.603 71.9652
EOD
$m3 << EOD
2 7.86029
4 7.91116
6 7.94756
8 7.97208
10 7.99631
12 8.08269
14 8.04548
16 8.09017
18 8.13477
20 8.16708
EOD
$b3 << EOD
2 7.04557 8.67501
4 7.20586 8.61646
6 6.964 8.93112
8 7.06719 8.87697
10 7.80142 8.1912
12 7.66183 8.50355
14 7.88317 8.20778
16 7.74961 8.43073
18 8.11404 8.1555
20 7.19303 9.14113
EOD
$m4 << EOD
2 16.6811
4 20.7686
6 21.0251
8 24.1118
10 25.0146
12 29.1876
14 26.7324
16 28.8962
18 33.0757
20 32.34
EOD
$b4 << EOD
2 -30.8771 64.2393
4 -22.4419 63.9791
6 -38.7196 80.7699
8 -11.3334 59.557
10 7.28115 42.748
12 19.6135 38.7617
14 17.3737 36.0912
16 16.4178 41.3747
18 15.3111 50.8403
20 -14.5217 79.2016
EOD
$m5 << EOD
2 0.979259
4 0.977096
6 0.976113
8 0.978053
10 0.972197
12 0.978825
14 0.974062
16 0.979363
18 0.979275
20 0.976995
EOD
$b5 << EOD
2 0.951023 1
4 0.967301 0.98689
6 0.972325 0.979901
8 0.944986 1
10 0.932529 1
12 0.967172 0.990477
14 0.908726 1
16 0.963889 0.994836
18 0.969234 0.989317
20 0.945777 1
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
    set output "timeseries-customers-1." . format
    set multiplot layout 3,2 title 'small-shop: the customers over time (1)' font ",20" margins 0.08,0.98,0.09,0.84 spacing 0.09,0.1
    set grid
    set border lw 1.5
    set xrange [0:20]
    set key at screen 0.5, screen 0.925 center center horizontal maxrows 1 samplen 2 width 2
    set title 'Customer satisfaction (CSAT)'
    set xlabel ''
    set ylabel 'CSAT (% satisfied)'
    set ytics 5
    plot $b1 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' title '95% confidence interval', $m1 using 1:($2*1) with lines lw 3 lc rgb '#1f77b4' title 'mean over the replications'
    unset key
    set title 'Employee satisfaction (ESAT)'
    set xlabel ''
    set ylabel 'ESAT (0-100)'
    set ytics 2
    plot $b2 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' title '95% confidence interval', $m2 using 1:($2*1) with lines lw 3 lc rgb '#1f77b4' title 'mean over the replications'
    unset key
    set title 'Mean customer score'
    set xlabel ''
    set ylabel 'score (0-10)'
    set ytics 0.5
    plot $b3 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' title '95% confidence interval', $m3 using 1:($2*1) with lines lw 3 lc rgb '#1f77b4' title 'mean over the replications'
    unset key
    set title 'Net promoter score'
    set xlabel 'time (weeks)'
    set ylabel 'NPS (-100 to 100)'
    set ytics 20
    plot $b4 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' title '95% confidence interval', $m4 using 1:($2*1) with lines lw 3 lc rgb '#1f77b4' title 'mean over the replications'
    unset key
    set title 'Customer retention per 2 weeks'
    set xlabel 'time (weeks)'
    set ylabel 'share of customers kept'
    set ytics 0.02
    plot $b5 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' title '95% confidence interval', $m5 using 1:($2*1) with lines lw 3 lc rgb '#1f77b4' title 'mean over the replications'
    unset multiplot
    unset output
}
