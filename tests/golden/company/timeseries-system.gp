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
2 3401
4 3601.5
6 3739
8 3783.5
10 3792.5
12 3809
14 3897
16 4099.5
18 3989
20 4064
EOD
$b1 << EOD
2 3337.47 3464.53
4 3023.37 4179.63
6 2811.45 4666.55
8 3700.91 3866.09
10 3150.84 4434.16
12 3707.35 3910.65
14 3401.46 4392.54
16 4080.44 4118.56
18 2883.56 5094.44
20 2996.68 5131.32
EOD
$m2 << EOD
2 0.73217
4 0.725228
6 0.72769
8 0.741618
10 0.727273
12 0.734103
14 0.718449
16 0.726012
18 0.731608
20 0.724999
EOD
$b2 << EOD
2 0.679243 0.785098
4 0.596836 0.85362
6 0.607358 0.848021
8 0.53255 0.950686
10 0.518574 0.935972
12 0.601739 0.866467
14 0.534645 0.902252
16 0.635947 0.816076
18 0.66215 0.801065
20 0.660472 0.789525
EOD
$m3 << EOD
2 109.5
4 106.5
6 138
8 118.5
10 120.5
12 111.5
14 102
16 130.5
18 133
20 122.5
EOD
$b3 << EOD
2 77.7345 141.266
4 0 252.621
6 87.1752 188.825
8 10.4973 226.503
10 63.3221 177.678
12 16.2035 206.797
14 89.2938 114.706
16 73.3221 187.678
18 44.0566 221.943
20 103.441 141.559
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
