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
2 55.5
4 61
6 66
8 60
10 78
12 58.5
14 71
16 60.5
18 61
20 70.5
EOD
$b1 << EOD
2 0 125.384
4 48.2938 73.7062
6 66 66
8 0 148.943
10 0 179.65
12 39.4407 77.5593
14 0 172.65
16 28.7345 92.2655
18 61 61
20 0.615874 140.384
EOD
$m2 << EOD
2 2710.5
4 2722.5
6 2737
8 2764
10 2760.5
12 2792.5
14 2820
16 2845
18 2874
20 2877
EOD
$b2 << EOD
2 2602.5 2818.5
4 2589.08 2855.92
6 2520.99 2953.01
8 2370.11 3157.89
10 2525.44 2995.56
12 2633.67 2951.33
14 2769.18 2870.82
16 2692.53 2997.47
18 2670.7 3077.3
20 2610.17 3143.83
EOD
$m3 << EOD
2 48
4 50
6 53.5
8 59
10 48
12 62
14 62
16 44.5
18 55.5
20 38.5
EOD
$b3 << EOD
2 0 149.65
4 37.2938 62.7062
6 34.4407 72.5593
8 20.8814 97.1186
10 35.2938 60.7062
12 0 138.237
14 11.1752 112.825
16 38.1469 50.8531
18 11.0283 99.9717
20 19.4407 57.5593
EOD
$m4 << EOD
2 18
4 23
6 27
8 28
10 26.5
12 28.5
14 36.5
16 41
18 34.5
20 35
EOD
$b4 << EOD
2 0 81.531
4 23 23
6 0 90.531
8 0 78.8248
10 0 70.9717
12 9.44069 47.5593
14 0 80.9717
16 0 104.531
18 28.1469 40.8531
20 22.2938 47.7062
EOD
$m5 << EOD
2 0.00419131
4 0.00644657
6 0.00685273
8 0.00889132
10 0.0145125
12 0.0102723
14 0.0103595
16 0.00861291
18 0.00927925
20 0.0109247
EOD
$b5 << EOD
2 0 0.00885808
4 0 0.0321925
6 0.0017611 0.0119444
8 0 0.0437729
10 0 0.121959
12 0.00924853 0.0112961
14 0 0.0384732
16 0 0.021802
18 0 0.034686
20 0.00842097 0.0134284
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
