# timeseries-system.gp -- small-shop: the order flow over time.
# Written by spcsim 0.2.0 from timeseries.csv; draws timeseries-system.svg (and timeseries-system.png, see below).
# Edit freely, then redraw in this folder with:  gnuplot timeseries-system.gp
# (with the PNG too: gnuplot -e "formats='svg png'" timeseries-system.gp;
# `spcsim plot DIR` rewrites this file from the CSV files.)

set datafile separator comma
set datafile columnheaders
# The data, cut from timeseries.csv: $mN the mean of panel N, $bN its 95% confidence
# interval; the first column is time (weeks).
$m1 << EOD
2 3392.5
4 3637
6 3736.5
8 3765
10 3792
12 3889
14 4010
16 4043
18 3928
20 4048.5
EOD
$b1 << EOD
2 3106.61 3678.39
4 3065.22 4208.78
6 2434.11 5038.89
8 3332.99 4197.01
10 3525.17 4058.83
12 3520.52 4257.48
14 3552.58 4467.42
16 3725.34 4360.66
18 3381.63 4474.37
20 3622.84 4474.16
EOD
$m2 << EOD
2 0.727432
4 0.72541
6 0.726569
8 0.740994
10 0.734824
12 0.727393
14 0.723077
16 0.72278
18 0.731844
20 0.717123
EOD
$b2 << EOD
2 0.684576 0.770289
4 0.594651 0.85617
6 0.589127 0.864012
8 0.531869 0.950118
10 0.515996 0.953653
12 0.58816 0.866625
14 0.658178 0.787975
16 0.681659 0.763901
18 0.682816 0.780871
20 0.661597 0.772649
EOD
$m3 << EOD
2 107.5
4 106.5
6 135
8 114.5
10 122.5
12 114.5
14 107.5
16 123.5
18 137
20 119
EOD
$b3 << EOD
2 75.7345 139.266
4 0 239.915
6 109.588 160.412
8 95.4407 133.559
10 116.147 128.853
12 6.49726 222.503
14 101.147 113.853
16 91.7345 155.266
18 98.8814 175.119
20 80.8814 157.119
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
    set output "timeseries-system." . format
    set multiplot layout 3,1 title 'small-shop: the order flow over time' font ",20" margins 0.08,0.98,0.09,0.84 spacing 0.09,0.1
    set grid
    set border lw 1.5
    set xrange [0:20]
    set key at screen 0.5, screen 0.925 center center horizontal maxrows 1 samplen 2 width 2
    set title 'Orders completed per 2 weeks'
    set xlabel ''
    set ylabel 'orders'
    set ytics 500
    plot $b1 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' title '95% confidence interval', $m1 using 1:($2*1) with lines lw 3 lc rgb '#1f77b4' title 'mean over the replications'
    unset key
    set title 'Mean lead time'
    set xlabel ''
    set ylabel 'minutes'
    set ytics 5
    plot $b2 using 1:($2*60):($3*60) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' title '95% confidence interval', $m2 using 1:($2*60) with lines lw 3 lc rgb '#1f77b4' title 'mean over the replications'
    unset key
    set title 'Defects reaching customers per 2 weeks'
    set xlabel 'time (weeks)'
    set ylabel 'orders'
    set ytics 50
    plot $b3 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' title '95% confidence interval', $m3 using 1:($2*1) with lines lw 3 lc rgb '#1f77b4' title 'mean over the replications'
    unset multiplot
    unset output
}
