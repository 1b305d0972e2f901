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
2 3392
4 3651.5
6 3760
8 3759.5
10 3777.5
12 3897.5
14 3997.5
16 4050
18 3924.5
20 4009.5
EOD
$b1 << EOD
2 3112.46 3671.54
4 3263.96 4039.04
6 2756.21 4763.79
8 3397.37 4121.63
10 3326.43 4228.57
12 3751.38 4043.62
14 3673.49 4321.51
16 3757.76 4342.24
18 3117.66 4731.34
20 3685.49 4333.51
EOD
$m2 << EOD
2 0.727824
4 0.728555
6 0.727228
8 0.744086
10 0.734906
12 0.7303
14 0.722953
16 0.72257
18 0.732248
20 0.71462
EOD
$b2 << EOD
2 0.679991 0.775657
4 0.557844 0.899265
6 0.581411 0.873046
8 0.495672 0.992499
10 0.515046 0.954765
12 0.567514 0.893086
14 0.590158 0.855747
16 0.665562 0.779579
18 0.633313 0.831183
20 0.670768 0.758472
EOD
$m3 << EOD
2 107
4 107.5
6 136
8 112.5
10 125.5
12 115.5
14 106
16 126
18 133.5
20 119.5
EOD
$b3 << EOD
2 81.5876 132.412
4 0 228.209
6 123.294 148.706
8 68.0283 156.972
10 81.0283 169.972
12 7.49726 223.503
14 67.8814 144.119
16 100.588 151.412
18 101.734 165.266
20 113.147 125.853
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
