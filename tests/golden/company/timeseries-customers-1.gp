# timeseries-customers-1.gp -- small-shop: the customers over time (1).
# Written by spcsim 0.2.0 from timeseries.csv; draws timeseries-customers-1.svg (and timeseries-customers-1.png, see below).
# Edit freely, then redraw in this folder with:  gnuplot timeseries-customers-1.gp
# (with the PNG too: gnuplot -e "formats='svg png'" timeseries-customers-1.gp;
# `spcsim plot DIR` rewrites this file from the CSV files.)

set datafile separator comma
set datafile columnheaders
# The data, cut from timeseries.csv: $mN the mean of panel N, $bN its 95% confidence
# interval; the first column is time (weeks).
$m1 << EOD
2 94.2872
4 94.1111
6 94.0077
8 94.2301
10 93.4969
12 94.0022
14 93.7425
16 94.522
18 95.5104
20 94.2961
EOD
$b1 << EOD
2 88.8822 99.6921
4 83.3901 100
6 93.5184 94.497
8 84.4558 100
10 73.3241 100
12 83.3331 100
14 92.9031 94.5818
16 77.0299 100
18 93.4649 97.5558
20 89.9313 98.6609
EOD
$m2 << EOD
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
$b2 << EOD
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
$m3 << EOD
2 7.85715
4 7.92004
6 7.96262
8 7.98574
10 8.01382
12 8.06965
14 8.06994
16 8.0759
18 8.14393
20 8.1523
EOD
$b3 << EOD
2 7.0025 8.7118
4 7.32763 8.51246
6 7.17049 8.75476
8 7.25436 8.71712
10 7.59651 8.43112
12 7.46348 8.67582
14 7.86912 8.27076
16 8.04118 8.11063
18 7.94959 8.33826
20 7.62938 8.67522
EOD
$m4 << EOD
2 16.466
4 20.6863
6 22.8198
8 24.5395
10 25.6539
12 28.628
14 28.4885
16 28.3874
18 33.6102
20 30.8363
EOD
$b4 << EOD
2 -33.8245 66.7565
4 -23.5697 64.9424
6 -14.1214 59.761
8 -5.4715 54.5505
10 -0.203419 51.5113
12 9.58167 47.6744
14 13.6043 43.3726
16 27.7638 29.0111
18 23.8508 43.3696
20 0.580131 61.0925
EOD
$m5 << EOD
2 0.979444
4 0.977469
6 0.975739
8 0.978004
10 0.971723
12 0.978766
14 0.974616
16 0.978574
18 0.978485
20 0.975304
EOD
$b5 << EOD
2 0.953561 1
4 0.972424 0.982514
6 0.97478 0.976698
8 0.944316 1
10 0.938082 1
12 0.971165 0.986366
14 0.939653 1
16 0.967674 0.989474
18 0.977743 0.979227
20 0.951994 0.998615
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
    set output "timeseries-customers-1." . format
    set multiplot layout 3,2 title 'small-shop: the customers over time (1)' font ",20" margins 0.08,0.98,0.09,0.84 spacing 0.09,0.1
    set grid
    set border lw 1.5
    set xrange [0:20]
    set key at screen 0.5, screen 0.925 center center horizontal maxrows 1 samplen 2 width 2
    set title 'Customer satisfaction (CSAT)'
    set xlabel ''
    set ylabel 'CSAT (% satisfied)'
    set ytics 5
    plot $b1 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' title '95% confidence interval', $m1 using 1:($2*1) with lines lw 3 lc rgb '#1f77b4' title 'mean over the replications'
    unset key
    set title 'Employee satisfaction (ESAT)'
    set xlabel ''
    set ylabel 'ESAT (0-100)'
    set ytics 2
    plot $b2 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' title '95% confidence interval', $m2 using 1:($2*1) with lines lw 3 lc rgb '#1f77b4' title 'mean over the replications'
    unset key
    set title 'Mean customer score'
    set xlabel ''
    set ylabel 'score (0-10)'
    set ytics 0.5
    plot $b3 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' title '95% confidence interval', $m3 using 1:($2*1) with lines lw 3 lc rgb '#1f77b4' title 'mean over the replications'
    unset key
    set title 'Net promoter score'
    set xlabel 'time (weeks)'
    set ylabel 'NPS (-100 to 100)'
    set ytics 20
    plot $b4 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' title '95% confidence interval', $m4 using 1:($2*1) with lines lw 3 lc rgb '#1f77b4' title 'mean over the replications'
    unset key
    set title 'Customer retention per 2 weeks'
    set xlabel 'time (weeks)'
    set ylabel 'share of customers kept'
    set ytics 0.02
    plot $b5 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' title '95% confidence interval', $m5 using 1:($2*1) with lines lw 3 lc rgb '#1f77b4' title 'mean over the replications'
    unset multiplot
    unset output
}
