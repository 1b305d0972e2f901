# timeseries-company.gp -- understaffed: the workforce over time.
# Written by spcsim 0.2.0 from timeseries.csv; draws timeseries-company.svg (and timeseries-company.png, see below).
# Edit freely, then redraw in this folder with:  gnuplot timeseries-company.gp
# (with the PNG too: gnuplot -e "formats='svg png'" timeseries-company.gp;
# `spcsim plot DIR` rewrites this file from the CSV files.)

set datafile separator comma
set datafile columnheaders
set table $m1
plot 'timeseries.csv' using (column("time")/168):(column('satisfaction')) with table if (strcol("scope") eq 'company')
unset table
set table $b1
plot 'timeseries.csv' using (column("time")/168):(column('satisfaction_ci95_low')):(column('satisfaction_ci95_high')) with table if (strcol("scope") eq 'company')
unset table
set table $m2
plot 'timeseries.csv' using (column("time")/168):(column('headcount')) with table if (strcol("scope") eq 'company')
unset table
set table $b2
plot 'timeseries.csv' using (column("time")/168):(column('headcount_ci95_low')):(column('headcount_ci95_high')) with table if (strcol("scope") eq 'company')
unset table
set table $m3
plot 'timeseries.csv' using (column("time")/168):(column('quits')) with table if (strcol("scope") eq 'company')
unset table
set table $b3
plot 'timeseries.csv' using (column("time")/168):(column('quits_ci95_low')):(column('quits_ci95_high')) with table if (strcol("scope") eq 'company')
unset table
set table $m4
plot 'timeseries.csv' using (column("time")/168):(column('pressure')) with table if (strcol("scope") eq 'company')
unset table
set table $b4
plot 'timeseries.csv' using (column("time")/168):(column('pressure_ci95_low')):(column('pressure_ci95_high')) with table if (strcol("scope") eq 'company')
unset table
set table $m5
plot 'timeseries.csv' using (column("time")/168):(column('isq')) with table if (strcol("scope") eq 'company')
unset table
set table $b5
plot 'timeseries.csv' using (column("time")/168):(column('isq_ci95_low')):(column('isq_ci95_high')) with table if (strcol("scope") eq 'company')
unset table
set table $m6
plot 'timeseries.csv' using (column("time")/168):(column('standard')) with table if (strcol("scope") eq 'company')
unset table
set table $b6
plot 'timeseries.csv' using (column("time")/168):(column('standard_ci95_low')):(column('standard_ci95_high')) with table if (strcol("scope") eq 'company')
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
    set output "timeseries-company." . format
    set multiplot layout 3,2 title 'understaffed: the workforce over time' font ",20" margins 0.08,0.98,0.09,0.84 spacing 0.09,0.1
    set grid
    set border lw 1.5
    set xrange [0:90]
    set key at screen 0.5, screen 0.925 center center horizontal maxrows 1 samplen 2 width 2
    set title 'Employee satisfaction (ESAT)'
    set xlabel ''
    set ylabel 'ESAT (0-100)'
    set ytics 20
    plot $b1 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' title '95% confidence interval', $m1 using 1:($2*1) with lines lw 3 lc rgb '#1f77b4' title 'mean over the replications'
    unset key
    set title 'Headcount'
    set xlabel ''
    set ylabel 'employees'
    set ytics 20
    plot $b2 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' title '95% confidence interval', $m2 using 1:($2*1) with lines lw 3 lc rgb '#1f77b4' title 'mean over the replications'
    unset key
    set title 'Quits per week'
    set xlabel ''
    set ylabel 'employees'
    set ytics 5
    plot $b3 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' title '95% confidence interval', $m3 using 1:($2*1) with lines lw 3 lc rgb '#1f77b4' title 'mean over the replications'
    unset key
    set title 'Work pressure'
    set xlabel ''
    set ylabel 'pressure (1 = normal load)'
    set ytics 2
    plot $b4 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' title '95% confidence interval', $m4 using 1:($2*1) with lines lw 3 lc rgb '#1f77b4' title 'mean over the replications'
    unset key
    set title 'Internal service quality (ISQ)'
    set xlabel 'time (weeks)'
    set ylabel 'ISQ (0-100)'
    set ytics 20
    plot $b5 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' title '95% confidence interval', $m5 using 1:($2*1) with lines lw 3 lc rgb '#1f77b4' title 'mean over the replications'
    unset key
    set title 'Standard time per order'
    set xlabel 'time (weeks)'
    set ylabel 'fraction of the initial'
    set ytics 0.2
    plot $b6 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' title '95% confidence interval', $m6 using 1:($2*1) with lines lw 3 lc rgb '#1f77b4' title 'mean over the replications'
    unset multiplot
    unset output
}
