# timeseries-finance.gp -- small-shop: finance over time.
# Written by spcsim 0.2.0 from timeseries.csv; draws timeseries-finance.svg (and timeseries-finance.png, see below).
# Edit freely, then redraw in this folder with:  gnuplot timeseries-finance.gp
# (with the PNG too: gnuplot -e "formats='svg png'" timeseries-finance.gp;
# `spcsim plot DIR` rewrites this file from the CSV files.)

set datafile separator comma
set datafile columnheaders
# The data, cut from timeseries.csv: $mN the mean of panel N, $bN its 95% confidence
# interval; the first column is time (weeks).
$m1 << EOD
2 220900
4 236175
6 242468
8 245910
10 246370
12 252170
14 260012
16 261245
18 255058
20 258702
EOD
$b1 << EOD
2 219121 222679
4 222071 250279
6 190976 293959
8 224754 267066
10 218099 274641
12 249121 255219
14 239587 280438
16 260927 261563
18 205472 304643
20 221823 295582
EOD
$m2 << EOD
2 183562
4 190472
6 195875
8 201322
10 197997
12 202197
14 206352
16 205335
18 202945
20 206308
EOD
$b2 << EOD
2 155933 211191
4 169687 211256
6 165350 226400
8 172733 229912
10 166040 229955
12 187712 216682
14 202096 210609
16 205240 205430
18 181185 224704
20 186348 226269
EOD
$m3 << EOD
2 37338.3
4 45703.5
6 46592.6
8 44587.7
10 48372.6
12 49972.7
14 53660.2
16 55910.2
18 52112.7
20 52394.3
EOD
$b3 << EOD
2 11488.2 63188.3
4 39022.8 52384.1
6 25625.5 67559.6
8 -5157.43 94332.8
10 44686.5 52058.7
12 32438.1 67507.3
14 37491.6 69828.8
16 55497.2 56323.2
18 24286.1 79939.3
20 -4445.91 109234
EOD
$m4 << EOD
2 16.9034
4 19.353
6 19.21
8 18.1218
10 19.6368
12 19.8166
14 20.6353
16 21.4014
18 20.4234
20 20.2359
EOD
$b4 << EOD
2 5.0651 28.7417
4 15.3686 23.3374
6 14.6422 23.7778
8 -0.548205 36.7917
10 15.8873 23.3863
12 13.1027 26.5304
14 16.0379 25.2327
16 21.2694 21.5335
18 13.484 27.3628
20 1.14936 39.3224
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
    set output "timeseries-finance." . format
    set multiplot layout 2,2 title 'small-shop: finance over time' font ",20" margins 0.08,0.98,0.09,0.84 spacing 0.09,0.1
    set grid
    set border lw 1.5
    set xrange [0:20]
    set key at screen 0.5, screen 0.925 center center horizontal maxrows 1 samplen 2 width 2
    set title 'Revenue per 2 weeks'
    set xlabel ''
    set ylabel 'currency units'
    set ytics 20000
    plot $b1 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' title '95% confidence interval', $m1 using 1:($2*1) with lines lw 3 lc rgb '#1f77b4' title 'mean over the replications'
    unset key
    set title 'Costs per 2 weeks'
    set xlabel ''
    set ylabel 'currency units'
    set ytics 20000
    plot $b2 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' title '95% confidence interval', $m2 using 1:($2*1) with lines lw 3 lc rgb '#1f77b4' title 'mean over the replications'
    unset key
    set title 'Profit per 2 weeks'
    set xlabel 'time (weeks)'
    set ylabel 'currency units'
    set ytics 20000
    plot $b3 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' title '95% confidence interval', $m3 using 1:($2*1) with lines lw 3 lc rgb '#1f77b4' title 'mean over the replications'
    unset key
    set title 'Profit margin'
    set xlabel 'time (weeks)'
    set ylabel '% of revenue'
    set ytics 10
    plot $b4 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' title '95% confidence interval', $m4 using 1:($2*1) with lines lw 3 lc rgb '#1f77b4' title 'mean over the replications'
    unset multiplot
    unset output
}
