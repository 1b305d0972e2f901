# timeseries-system.gp -- understaffed: the order flow over time.
# Written by spcsim 0.2.0 from timeseries.csv; draws timeseries-system.svg (and timeseries-system.png, see below).
# Edit freely, then redraw in this folder with:  gnuplot timeseries-system.gp
# (with the PNG too: gnuplot -e "formats='svg png'" timeseries-system.gp;
# `spcsim plot DIR` rewrites this file from the CSV files.)

set datafile separator comma
set datafile columnheaders
set table $m1
plot 'timeseries.csv' using (column("time")/168):(column('completed')) with table if (strcol("scope") eq 'system')
unset table
set table $b1
plot 'timeseries.csv' using (column("time")/168):(column('completed_ci95_low')):(column('completed_ci95_high')) with table if (strcol("scope") eq 'system')
unset table
set table $m2
plot 'timeseries.csv' using (column("time")/168):(column('lead_time_mean')) with table if (strcol("scope") eq 'system')
unset table
set table $b2
plot 'timeseries.csv' using (column("time")/168):(column('lead_time_mean_ci95_low')):(column('lead_time_mean_ci95_high')) with table if (strcol("scope") eq 'system')
unset table
set table $m3
plot 'timeseries.csv' using (column("time")/168):(column('escaped_defects')) with table if (strcol("scope") eq 'system')
unset table
set table $b3
plot 'timeseries.csv' using (column("time")/168):(column('escaped_defects_ci95_low')):(column('escaped_defects_ci95_high')) with table if (strcol("scope") eq 'system')
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
    set output "timeseries-system." . format
    set multiplot layout 3,1 title 'understaffed: the order flow over time' font ",20" margins 0.08,0.98,0.09,0.84 spacing 0.09,0.1
    set grid
    set border lw 1.5
    set xrange [0:90]
    set key at screen 0.5, screen 0.925 center center horizontal maxrows 1 samplen 2 width 2
    set title 'Orders completed per week'
    set xlabel ''
    set ylabel 'orders'
    set ytics 2000
    plot $b1 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' title '95% confidence interval', $m1 using 1:($2*1) with lines lw 3 lc rgb '#1f77b4' title 'mean over the replications'
    unset key
    set title 'Mean lead time'
    set xlabel ''
    set ylabel 'hours'
    set ytics 50
    plot $b2 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' title '95% confidence interval', $m2 using 1:($2*1) with lines lw 3 lc rgb '#1f77b4' title 'mean over the replications'
    unset key
    set title 'Defects reaching customers per week'
    set xlabel 'time (weeks)'
    set ylabel 'orders'
    set ytics 5000
    plot $b3 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' title '95% confidence interval', $m3 using 1:($2*1) with lines lw 3 lc rgb '#1f77b4' title 'mean over the replications'
    unset multiplot
    unset output
}
