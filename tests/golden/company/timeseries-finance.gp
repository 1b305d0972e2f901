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
2 222115
4 234238
6 241602
8 245550
10 246128
12 248368
14 252605
16 264620
18 258898
20 262948
EOD
$b1 << EOD
2 221543 222687
4 214638 253837
6 196654 286551
8 237736 253364
10 196605 295650
12 230801 265934
14 240026 265184
16 258140 271100
18 228371 289424
20 197098 328797
EOD
$m2 << EOD
2 185162
4 189539
6 196495
8 201405
10 198427
12 199522
14 201737
16 207980
18 204790
20 210771
EOD
$b2 << EOD
2 146987 223337
4 167516 211562
6 172450 220540
8 178057 224753
10 179242 217612
12 194885 204160
14 184393 219081
16 188190 227770
18 189701 219878
20 203762 217779
EOD
$m3 << EOD
2 36953.3
4 44698.5
6 45107.6
8 44145.2
10 47700.1
12 48845.2
14 50867.7
16 56640.2
18 54107.7
20 52176.8
EOD
$b3 << EOD
2 -650.059 74556.6
4 42274.4 47122.6
6 24204 66011.1
8 28611.5 59678.8
10 17362.7 78037.5
12 35916.6 61773.8
14 46102.9 55632.5
16 30370.1 82910.3
18 38669.7 69545.7
20 -6664.64 111018
EOD
$m4 << EOD
2 16.6373
4 19.0839
6 18.6642
8 17.9794
10 19.3697
12 19.6648
14 20.1381
16 21.4029
18 20.8967
20 19.816
EOD
$b4 << EOD
2 -0.335226 33.6098
4 16.4522 21.7156
6 13.4845 23.8439
8 11.0812 24.8777
10 10.9412 27.7983
12 15.8503 23.4794
14 17.249 23.0272
16 11.9996 30.8063
18 17.3977 24.3958
20 2.40092 37.2311
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
