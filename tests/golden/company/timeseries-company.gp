# timeseries-company.gp -- small-shop: the workforce over time.
# Written by spcsim 0.2.0 from timeseries.csv; draws timeseries-company.svg (and timeseries-company.png, see below).
# Edit freely, then redraw in this folder with:  gnuplot timeseries-company.gp
# (with the PNG too: gnuplot -e "formats='svg png'" timeseries-company.gp;
# `spcsim plot DIR` rewrites this file from the CSV files.)

set datafile separator comma
set datafile columnheaders
# The data, cut from timeseries.csv: $mN the mean of panel N, $bN its 95% confidence
# interval; the first column is time (weeks).
$m1 << EOD
2 71.8644
4 71.2311
6 70.8121
8 70.1443
10 70.0744
12 69.8136
14 69.6004
16 69.4819
18 69.4508
20 69.7639
EOD
$b1 << EOD
2 65.9372 77.7915
4 67.2782 75.1839
6 69.026 72.5983
8 69.5944 70.6941
10 66.8398 73.3089
12 67.7338 71.8933
14 68.0254 71.1754
16 68.2753 70.6884
18 68.5516 70.35
20 67.2017 72.326
EOD
$m2 << EOD
2 23.5
4 23.5
6 24
8 23.5
10 24
12 24
14 24
16 24
18 24
20 23.5
EOD
$b2 << EOD
2 17.1469 29.8531
4 17.1469 29.8531
6 24 24
8 17.1469 29.8531
10 24 24
12 24 24
14 24 24
16 24 24
18 24 24
20 17.1469 29.8531
EOD
$m3 << EOD
2 0.5
4 0
6 0
8 0.5
10 0
12 0
14 0
16 0
18 0
20 0.5
EOD
$b3 << EOD
2 0 6.8531
4 0 0
6 0 0
8 0 6.8531
10 0 0
12 0 0
14 0 0
16 0 0
18 0 0
20 0 6.8531
EOD
$m4 << EOD
2 0.331553
4 0.360519
6 0.370418
8 0.380045
10 0.377483
12 0.381512
14 0.388918
16 0.387635
18 0.37942
20 0.372882
EOD
$b4 << EOD
2 0.193766 0.46934
4 0.147632 0.573407
6 0.241229 0.499607
8 0.11647 0.643619
10 0.344724 0.410243
12 0.279348 0.483676
14 0.353549 0.424286
16 0.276738 0.498532
18 0.188411 0.570429
20 0.327459 0.418305
EOD
$m5 << EOD
2 86.0676
4 84.9635
6 83.8243
8 83.5738
10 83.7366
12 83.2693
14 83.0442
16 82.9741
18 83.2608
20 83.562
EOD
$b5 << EOD
2 85.542 86.5932
4 81.4123 88.5146
6 82.6141 85.0344
8 72.5926 94.5551
10 75.9093 91.564
12 73.7263 92.8123
14 73.819 92.2695
16 74.023 91.9252
18 73.5668 92.9548
20 77.4965 89.6275
EOD
$m6 << EOD
2 1
4 1
6 1
8 1
10 1
12 1
14 1
16 1
18 1
20 1
EOD
$b6 << EOD
2 1 1
4 1 1
6 1 1
8 1 1
10 1 1
12 1 1
14 1 1
16 1 1
18 1 1
20 1 1
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
    set output "timeseries-company." . format
    set multiplot layout 3,2 title 'small-shop: the workforce over time' font ",20" margins 0.08,0.98,0.09,0.84 spacing 0.09,0.1
    set grid
    set border lw 1.5
    set xrange [0:20]
    set key at screen 0.5, screen 0.925 center center horizontal maxrows 1 samplen 2 width 2
    set title 'Employee satisfaction (ESAT)'
    set xlabel ''
    set ylabel 'ESAT (0-100)'
    set ytics 2
    plot $b1 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' title '95% confidence interval', $m1 using 1:($2*1) with lines lw 3 lc rgb '#1f77b4' title 'mean over the replications'
    unset key
    set title 'Headcount'
    set xlabel ''
    set ylabel 'employees'
    set ytics 5
    plot $b2 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' title '95% confidence interval', $m2 using 1:($2*1) with lines lw 3 lc rgb '#1f77b4' title 'mean over the replications'
    unset key
    set title 'Quits per 2 weeks'
    set xlabel ''
    set ylabel 'employees'
    set ytics 2
    plot $b3 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' title '95% confidence interval', $m3 using 1:($2*1) with lines lw 3 lc rgb '#1f77b4' title 'mean over the replications'
    unset key
    set title 'Work pressure'
    set xlabel ''
    set ylabel 'pressure (1 = normal load)'
    set ytics 0.1
    plot $b4 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' title '95% confidence interval', $m4 using 1:($2*1) with lines lw 3 lc rgb '#1f77b4' title 'mean over the replications'
    unset key
    set title 'Internal service quality (ISQ)'
    set xlabel 'time (weeks)'
    set ylabel 'ISQ (0-100)'
    set ytics 5
    plot $b5 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' title '95% confidence interval', $m5 using 1:($2*1) with lines lw 3 lc rgb '#1f77b4' title 'mean over the replications'
    unset key
    set title 'Standard time per order'
    set xlabel 'time (weeks)'
    set ylabel 'fraction of the initial'
    set ytics autofreq
    plot $b6 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' title '95% confidence interval', $m6 using 1:($2*1) with lines lw 3 lc rgb '#1f77b4' title 'mean over the replications'
    unset multiplot
    unset output
}
