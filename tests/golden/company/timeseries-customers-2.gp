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
2 58.5
4 66.5
6 70.5
8 62.5
10 87
12 62
14 69
16 56.5
18 62.5
20 62
EOD
$b1 << EOD
2 1.32208 115.678
4 22.0283 110.972
6 26.0283 114.972
8 43.4407 81.5593
10 0 201.356
12 0 189.062
14 0 246.887
16 0 164.503
18 56.1469 68.8531
20 23.8814 100.119
EOD
$m2 << EOD
2 2712.5
4 2725
6 2740.5
8 2767.5
10 2761.5
12 2787.5
14 2812.5
16 2849
18 2870
20 2897.5
EOD
$b2 << EOD
2 2642.62 2782.38
4 2610.64 2839.36
6 2492.73 2988.27
8 2646.79 2888.21
10 2704.32 2818.68
12 2679.5 2895.5
14 2717.2 2907.8
16 2721.94 2976.06
18 2717.53 3022.47
20 2624.32 3170.68
EOD
$m3 << EOD
2 53
4 56
6 56.5
8 60
10 51.5
12 62.5
14 57.5
16 54
18 52
20 51.5
EOD
$b3 << EOD
2 14.8814 91.1186
4 30.5876 81.4124
6 12.0283 100.972
8 0 174.356
10 32.4407 70.5593
12 30.7345 94.2655
14 0 140.09
16 0 244.593
18 0 115.531
20 45.1469 57.8531
EOD
$m4 << EOD
2 18
4 23
6 29.5
8 29.5
10 29.5
12 25.5
14 36.5
16 39
18 31.5
20 38
EOD
$b4 << EOD
2 0 43.4124
4 0 48.4124
6 0 73.9717
8 23.1469 35.8531
10 0 73.9717
12 19.1469 31.8531
14 0 119.09
16 0 153.356
18 0 63.2655
20 0 114.237
EOD
$m5 << EOD
2 0.00545787
4 0.00655267
6 0.00785133
8 0.010698
10 0.0125185
12 0.0101144
14 0.00987268
16 0.0100931
18 0.00936403
20 0.0104917
EOD
$b5 << EOD
2 0.00489543 0.00602032
4 0 0.0157761
6 0.000943024 0.0147596
8 0 0.0495852
10 0 0.0682553
12 0.00384513 0.0163837
14 0 0.0217899
16 0 0.0632067
18 0 0.0333783
20 0.000180363 0.0208031
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
    set ytics 20
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
