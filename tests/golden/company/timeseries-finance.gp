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
4 235255
6 240612
8 246135
10 246820
12 251712
14 260910
16 260395
18 254732
20 261780
EOD
$b1 << EOD
2 219121 222679
4 209461 261049
6 165551 315674
8 222120 270150
10 224266 269374
12 239800 263625
14 219551 302269
16 258680 262110
18 231067 278398
20 221120 302440
EOD
$m2 << EOD
2 183562
4 190329
6 195530
8 202272
10 197877
12 201857
14 206545
16 204535
18 202902
20 208298
EOD
$b2 << EOD
2 155933 211191
4 167734 212924
6 160621 230438
8 185754 218791
10 164395 231360
12 200523 203191
14 186437 226652
16 199802 209268
18 199599 206206
20 194183 222414
EOD
$m3 << EOD
2 37338.3
4 44926
6 45082.6
8 43862.7
10 48942.6
12 49855.2
14 54365.2
16 55860.2
18 51830.2
20 53481.8
EOD
$b3 << EOD
2 11488.2 63188.3
4 41727.6 48124.4
6 4929.11 85236
8 3329.56 84395.8
10 38013.9 59871.3
12 39277.3 60433.1
14 33114.1 75616.3
16 52842.5 58877.9
18 31468.5 72191.9
20 -1293.65 108257
EOD
$m4 << EOD
2 16.9034
4 19.0972
6 18.7156
8 17.8117
10 19.8328
12 19.8054
14 20.832
16 21.4522
18 20.3434
20 20.413
EOD
$b4 << EOD
2 5.0651 28.7417
4 18.3629 19.8315
6 7.86616 29.5651
8 3.08167 32.5417
10 13.5928 26.0728
12 16.5403 23.0706
14 15.9892 25.6748
16 20.1519 22.7524
18 14.24 26.4468
20 2.6593 38.1666
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
    set ytics 50000
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
