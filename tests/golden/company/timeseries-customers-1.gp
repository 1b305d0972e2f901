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
2 94.6517
4 94.7454
6 94.9787
8 94.8768
10 94.149
12 93.8163
14 95.803
16 94.6301
18 94.4777
20 94.2335
EOD
$b1 << EOD
2 88.6292 100
4 89.1232 100
6 82.7488 100
8 80.9208 100
10 79.9784 100
12 92.8722 94.7605
14 86.1378 100
16 93.6844 95.5759
18 92.3319 96.6234
20 90.8739 97.5931
EOD
$m2 << EOD
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
$b2 << EOD
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
$m3 << EOD
2 7.82875
4 7.91217
6 7.995
8 7.9997
10 8.06966
12 8.05396
14 8.15061
16 8.11509
18 8.14914
20 8.1627
EOD
$b3 << EOD
2 6.74422 8.91327
4 6.81349 9.01084
6 7.0296 8.96041
8 7.25708 8.74232
10 7.9311 8.20821
12 7.41794 8.68998
14 7.97128 8.32994
16 7.83283 8.39734
18 8.12406 8.17421
20 7.85842 8.46697
EOD
$m4 << EOD
2 16.031
4 20.3514
6 23.6754
8 25.1514
10 29.569
12 27.7809
14 32.5909
16 31.2779
18 31.8003
20 33.4024
EOD
$b4 << EOD
2 -41.2001 73.2622
4 -40.7157 81.4185
6 -24.6052 71.956
8 -12.3087 62.6114
10 24.7097 34.4283
12 -6.41365 61.9754
14 12.8426 52.3393
16 15.9531 46.6026
18 8.22739 55.3732
20 17.5033 49.3015
EOD
$m5 << EOD
2 0.978333
4 0.975476
6 0.974111
8 0.977173
10 0.968543
12 0.977558
14 0.97525
16 0.979903
18 0.977944
20 0.978305
EOD
$b5 << EOD
2 0.957156 0.99951
4 0.958736 0.992216
6 0.956809 0.991414
8 0.971975 0.982371
10 0.928407 1
12 0.93225 1
14 0.911945 1
16 0.941083 1
18 0.975502 0.980385
20 0.96491 0.991699
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
