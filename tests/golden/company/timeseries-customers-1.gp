# timeseries-customers-1.gp -- small-shop: the customers over time (1).
# Written by spcsim 0.2.0 from timeseries.csv; draws timeseries-customers-1.svg (and timeseries-customers-1.png, see below).
# Edit freely, then redraw in this folder with:  gnuplot timeseries-customers-1.gp
# (with the PNG too: gnuplot -e "formats='svg png'" timeseries-customers-1.gp;
# `spcsim plot DIR` rewrites this file from the CSV files.)

set datafile separator comma
set datafile columnheaders
set table $m1
plot 'timeseries.csv' using (column("time")/168):(column('csat')) with table if (strcol("scope") eq 'customers')
unset table
set table $b1
plot 'timeseries.csv' using (column("time")/168):(column('csat_ci95_low')):(column('csat_ci95_high')) with table if (strcol("scope") eq 'customers')
unset table
set table $m2
plot 'timeseries.csv' using (column("time")/168):(column('esat')) with table if (strcol("scope") eq 'customers')
unset table
set table $b2
plot 'timeseries.csv' using (column("time")/168):(column('esat_ci95_low')):(column('esat_ci95_high')) with table if (strcol("scope") eq 'customers')
unset table
set table $m3
plot 'timeseries.csv' using (column("time")/168):(column('score_mean')) with table if (strcol("scope") eq 'customers')
unset table
set table $b3
plot 'timeseries.csv' using (column("time")/168):(column('score_mean_ci95_low')):(column('score_mean_ci95_high')) with table if (strcol("scope") eq 'customers')
unset table
set table $m4
plot 'timeseries.csv' using (column("time")/168):(column('nps')) with table if (strcol("scope") eq 'customers')
unset table
set table $b4
plot 'timeseries.csv' using (column("time")/168):(column('nps_ci95_low')):(column('nps_ci95_high')) with table if (strcol("scope") eq 'customers')
unset table
set table $m5
plot 'timeseries.csv' using (column("time")/168):(column('retention')) with table if (strcol("scope") eq 'customers')
unset table
set table $b5
plot 'timeseries.csv' using (column("time")/168):(column('retention_ci95_low')):(column('retention_ci95_high')) with table if (strcol("scope") eq 'customers')
unset table

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
