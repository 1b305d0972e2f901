# timeseries-customers-2.gp -- small-shop: the customers over time (2).
# Written by spcsim 0.2.0 from timeseries.csv; draws timeseries-customers-2.svg (and timeseries-customers-2.png, see below).
# Edit freely, then redraw in this folder with:  gnuplot timeseries-customers-2.gp
# (with the PNG too: gnuplot -e "formats='svg png'" timeseries-customers-2.gp;
# `spcsim plot DIR` rewrites this file from the CSV files.)

set datafile separator comma
set datafile columnheaders
# The data, cut from timeseries.csv: $mN the mean of panel N, $bN its 95% confidence
# interval; the first column is time (weeks).
$m1 << EOD
2 56
4 62
6 65
8 60
10 77
12 58.5
14 72.5
16 58.5
18 59
20 66
EOD
$b1 << EOD
2 0 132.237
4 36.5876 87.4124
6 52.2938 77.7062
8 0 148.943
10 0 191.356
12 26.7345 90.2655
14 0 256.74
16 14.0283 102.972
18 33.5876 84.4124
20 0 154.943
EOD
$m2 << EOD
2 2710
4 2723
6 2742.5
8 2775
10 2767.5
12 2802
14 2825
16 2850
18 2879
20 2890.5
EOD
$b2 << EOD
2 2595.64 2824.36
4 2595.94 2850.06
6 2596.38 2888.62
8 2520.88 3029.12
10 2621.38 2913.62
12 2674.94 2929.06
14 2812.29 2837.71
16 2735.64 2964.36
18 2662.99 3095.01
20 2553.79 3227.21
EOD
$m3 << EOD
2 48
4 53
6 57.5
8 63.5
10 45.5
12 64.5
14 59
16 43.5
18 53.5
20 42.5
EOD
$b3 << EOD
2 0 149.65
4 27.5876 78.4124
6 25.7345 89.2655
8 44.4407 82.5593
10 26.4407 64.5593
12 20.0283 108.972
14 46.2938 71.7062
16 11.7345 75.2655
18 0 136.09
20 36.1469 48.8531
EOD
$m4 << EOD
2 18
4 22
6 27
8 29
10 24
12 28.5
14 36.5
16 40
18 34.5
20 35
EOD
$b4 << EOD
2 0 81.531
4 9.2938 34.7062
6 0 90.531
8 0 67.1186
10 11.2938 36.7062
12 22.1469 34.8531
14 0 119.09
16 0 128.943
18 28.1469 40.8531
20 0 73.1186
EOD
$m5 << EOD
2 0.00418903
4 0.00763963
6 0.00733262
8 0.00913121
10 0.0144885
12 0.00864263
14 0.0115679
16 0.00927448
18 0.0103115
20 0.0092939
EOD
$b5 << EOD
2 0 0.00882694
4 0 0.0182264
6 0 0.0185218
8 0 0.0409648
10 0 0.12224
12 0 0.0206514
14 0 0.0610415
16 0 0.0249296
18 0 0.0392736
20 0 0.0229443
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
    set output "timeseries-customers-2." . format
    set multiplot layout 3,2 title 'small-shop: the customers over time (2)' font ",20" margins 0.08,0.98,0.09,0.84 spacing 0.09,0.1
    set grid
    set border lw 1.5
    set xrange [0:20]
    set key at screen 0.5, screen 0.925 center center horizontal maxrows 1 samplen 2 width 2
    set title 'Customers lost per 2 weeks'
    set xlabel ''
    set ylabel 'customers'
    set ytics 50
    plot $b1 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' title '95% confidence interval', $m1 using 1:($2*1) with lines lw 3 lc rgb '#1f77b4' title 'mean over the replications'
    unset key
    set title 'Active customers'
    set xlabel ''
    set ylabel 'customers'
    set ytics 200
    plot $b2 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' title '95% confidence interval', $m2 using 1:($2*1) with lines lw 3 lc rgb '#1f77b4' title 'mean over the replications'
    unset key
    set title 'New customers per 2 weeks'
    set xlabel ''
    set ylabel 'customers'
    set ytics 50
    plot $b3 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' title '95% confidence interval', $m3 using 1:($2*1) with lines lw 3 lc rgb '#1f77b4' title 'mean over the replications'
    unset key
    set title 'Referrals per 2 weeks'
    set xlabel 'time (weeks)'
    set ylabel 'referrals'
    set ytics 50
    plot $b4 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' title '95% confidence interval', $m4 using 1:($2*1) with lines lw 3 lc rgb '#1f77b4' title 'mean over the replications'
    unset key
    set title 'Orders lost (abandoned, balked, blocked)'
    set xlabel 'time (weeks)'
    set ylabel 'share of orders placed'
    set ytics 0.05
    plot $b5 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' title '95% confidence interval', $m5 using 1:($2*1) with lines lw 3 lc rgb '#1f77b4' title 'mean over the replications'
    unset multiplot
    unset output
}
