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
2 71.8686
4 71.207
6 70.78
8 70.1445
10 70.1207
12 69.8898
14 69.6986
16 69.5916
18 69.5378
20 69.8231
EOD
$b1 << EOD
2 65.9983 77.7388
4 67.4099 75.004
6 69.563 71.997
8 70.1018 70.1873
10 67.2109 73.0305
12 68.0836 71.6961
14 68.3364 71.0608
16 68.5222 70.6611
18 69.3306 69.7449
20 66.4771 73.169
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
2 0.334939
4 0.354623
6 0.370883
8 0.383854
10 0.376896
12 0.375194
14 0.369956
16 0.391531
18 0.382562
20 0.381045
EOD
$b4 << EOD
2 0.205372 0.464507
4 0.213548 0.495697
6 0.209547 0.532219
8 0.24512 0.522589
10 0.28204 0.471752
12 0.305665 0.444724
14 0.360547 0.379364
16 0.340278 0.442783
18 0.22565 0.539474
20 0.368517 0.393573
EOD
$m5 << EOD
2 86.1917
4 84.7392
6 84.072
8 83.6622
10 83.9463
12 83.5141
14 83.3492
16 83.2615
18 83.3252
20 83.4588
EOD
$b5 << EOD
2 83.1944 89.1891
4 78.2318 91.2466
6 78.9325 89.2115
8 74.4234 92.901
10 76.8454 91.0471
12 73.3885 93.6396
14 76.5578 90.1406
16 72.4849 94.0382
18 71.3762 95.2741
20 77.1293 89.7882
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
