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
2 71.8662
4 71.2413
6 70.8269
8 70.1809
10 70.099
12 69.8235
14 69.6214
16 69.5283
18 69.4823
20 69.7841
EOD
$b1 << EOD
2 65.963 77.7695
4 67.4183 75.0643
6 69.2278 72.4259
8 70.0959 70.2659
10 67.1781 73.02
12 67.8438 71.8033
14 67.9448 71.298
16 67.906 71.1506
18 68.035 70.9296
20 67.603 71.9652
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
2 0.331281
4 0.356429
6 0.367283
8 0.378596
10 0.379323
12 0.380864
14 0.388068
16 0.38532
18 0.380756
20 0.377509
EOD
$b4 << EOD
2 0.196956 0.465605
4 0.195518 0.517339
6 0.277922 0.456644
8 0.133424 0.623768
10 0.323127 0.435519
12 0.306058 0.45567
14 0.365799 0.410337
16 0.275341 0.4953
18 0.255278 0.506235
20 0.354755 0.400264
EOD
$m5 << EOD
2 86.1569
4 85.0099
6 84.0669
8 83.6284
10 83.6968
12 83.3008
14 83.2373
16 83.0398
18 83.299
20 83.4697
EOD
$b5 << EOD
2 84.4969 87.8169
4 80.8683 89.1515
6 79.7739 88.3599
8 71.9535 95.3034
10 76.3752 91.0184
12 74.68 91.9216
14 75.3638 91.1108
16 76.5474 89.5321
18 75.0853 91.5128
20 76.343 90.5964
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
