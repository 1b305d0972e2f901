# timeseries-customers-2.gp -- small-shop: the customers over time (2).
# Written by spcsim 0.2.0 from timeseries.csv; draws timeseries-customers-2.svg (and timeseries-customers-2.png, see below).
# Edit freely, then redraw in this folder with:  gnuplot timeseries-customers-2.gp
# (with the PNG too: gnuplot -e "formats='svg png'" timeseries-customers-2.gp;
# `spcsim plot DIR` rewrites this file from the CSV files.)

set datafile separator comma
set datafile columnheaders
set table $m1
plot 'timeseries.csv' using (column("time")/168):(column('churned')) with table if (strcol("scope") eq 'customers')
unset table
set table $b1
plot 'timeseries.csv' using (column("time")/168):(column('churned_ci95_low')):(column('churned_ci95_high')) with table if (strcol("scope") eq 'customers')
unset table
set table $m2
plot 'timeseries.csv' using (column("time")/168):(column('active')) with table if (strcol("scope") eq 'customers')
unset table
set table $b2
plot 'timeseries.csv' using (column("time")/168):(column('active_ci95_low')):(column('active_ci95_high')) with table if (strcol("scope") eq 'customers')
unset table
set table $m3
plot 'timeseries.csv' using (column("time")/168):(column('acquired')) with table if (strcol("scope") eq 'customers')
unset table
set table $b3
plot 'timeseries.csv' using (column("time")/168):(column('acquired_ci95_low')):(column('acquired_ci95_high')) with table if (strcol("scope") eq 'customers')
unset table
set table $m4
plot 'timeseries.csv' using (column("time")/168):(column('referrals')) with table if (strcol("scope") eq 'customers')
unset table
set table $b4
plot 'timeseries.csv' using (column("time")/168):(column('referrals_ci95_low')):(column('referrals_ci95_high')) with table if (strcol("scope") eq 'customers')
unset table
set table $m5
plot 'timeseries.csv' using (column("time")/168):(column('abandonment')) with table if (strcol("scope") eq 'customers')
unset table
set table $b5
plot 'timeseries.csv' using (column("time")/168):(column('abandonment_ci95_low')):(column('abandonment_ci95_high')) with table if (strcol("scope") eq 'customers')
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
    set output "timeseries-customers-2." . format
    set multiplot layout 3,2 title 'small-shop: the customers over time (2)' font ",20" margins 0.08,0.98,0.09,0.84 spacing 0.09,0.1
    set grid
    set border lw 1.5
    set xrange [0:20]
    set key at screen 0.5, screen 0.925 center center horizontal maxrows 1 samplen 2 width 2
    set title 'Customers lost per 2 weeks'
    set xlabel ''
    set ylabel 'customers'
    set ytics 50
    plot $b1 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' title '95% confidence interval', $m1 using 1:($2*1) with lines lw 3 lc rgb '#1f77b4' title 'mean over the replications'
    unset key
    set title 'Active customers'
    set xlabel ''
    set ylabel 'customers'
    set ytics 200
    plot $b2 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' title '95% confidence interval', $m2 using 1:($2*1) with lines lw 3 lc rgb '#1f77b4' title 'mean over the replications'
    unset key
    set title 'New customers per 2 weeks'
    set xlabel ''
    set ylabel 'customers'
    set ytics 50
    plot $b3 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' title '95% confidence interval', $m3 using 1:($2*1) with lines lw 3 lc rgb '#1f77b4' title 'mean over the replications'
    unset key
    set title 'Referrals per 2 weeks'
    set xlabel 'time (weeks)'
    set ylabel 'referrals'
    set ytics 20
    plot $b4 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' title '95% confidence interval', $m4 using 1:($2*1) with lines lw 3 lc rgb '#1f77b4' title 'mean over the replications'
    unset key
    set title 'Orders lost (abandoned, balked, blocked)'
    set xlabel 'time (weeks)'
    set ylabel 'share of orders placed'
    set ytics 0.05
    plot $b5 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' title '95% confidence interval', $m5 using 1:($2*1) with lines lw 3 lc rgb '#1f77b4' title 'mean over the replications'
    unset multiplot
    unset output
}
