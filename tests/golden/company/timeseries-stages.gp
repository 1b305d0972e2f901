# timeseries-stages.gp -- small-shop: the stages over time.
# Written by spcsim 0.2.0 from timeseries.csv; draws timeseries-stages.svg (and timeseries-stages.png, see below).
# Edit freely, then redraw in this folder with:  gnuplot timeseries-stages.gp
# (with the PNG too: gnuplot -e "formats='svg png'" timeseries-stages.gp;
# `spcsim plot DIR` rewrites this file from the CSV files.)

set datafile separator comma
set datafile columnheaders
set table $m1_1
plot 'timeseries.csv' using (column("time")/168):(column('utilization')) with table if (strcol("scope") eq 'counter')
unset table
set table $b1_1
plot 'timeseries.csv' using (column("time")/168):(column('utilization_ci95_low')):(column('utilization_ci95_high')) with table if (strcol("scope") eq 'counter')
unset table
set table $m1_2
plot 'timeseries.csv' using (column("time")/168):(column('utilization')) with table if (strcol("scope") eq 'back')
unset table
set table $b1_2
plot 'timeseries.csv' using (column("time")/168):(column('utilization_ci95_low')):(column('utilization_ci95_high')) with table if (strcol("scope") eq 'back')
unset table
set table $m1_3
plot 'timeseries.csv' using (column("time")/168):(column('utilization')) with table if (strcol("scope") eq 'desk')
unset table
set table $b1_3
plot 'timeseries.csv' using (column("time")/168):(column('utilization_ci95_low')):(column('utilization_ci95_high')) with table if (strcol("scope") eq 'desk')
unset table
set table $m2_1
plot 'timeseries.csv' using (column("time")/168):(column('wait_mean')) with table if (strcol("scope") eq 'counter')
unset table
set table $b2_1
plot 'timeseries.csv' using (column("time")/168):(column('wait_mean_ci95_low')):(column('wait_mean_ci95_high')) with table if (strcol("scope") eq 'counter')
unset table
set table $m2_2
plot 'timeseries.csv' using (column("time")/168):(column('wait_mean')) with table if (strcol("scope") eq 'back')
unset table
set table $b2_2
plot 'timeseries.csv' using (column("time")/168):(column('wait_mean_ci95_low')):(column('wait_mean_ci95_high')) with table if (strcol("scope") eq 'back')
unset table
set table $m2_3
plot 'timeseries.csv' using (column("time")/168):(column('wait_mean')) with table if (strcol("scope") eq 'desk')
unset table
set table $b2_3
plot 'timeseries.csv' using (column("time")/168):(column('wait_mean_ci95_low')):(column('wait_mean_ci95_high')) with table if (strcol("scope") eq 'desk')
unset table
set table $m3_1
plot 'timeseries.csv' using (column("time")/168):(column('satisfaction')) with table if (strcol("scope") eq 'counter')
unset table
set table $b3_1
plot 'timeseries.csv' using (column("time")/168):(column('satisfaction_ci95_low')):(column('satisfaction_ci95_high')) with table if (strcol("scope") eq 'counter')
unset table
set table $m3_2
plot 'timeseries.csv' using (column("time")/168):(column('satisfaction')) with table if (strcol("scope") eq 'back')
unset table
set table $b3_2
plot 'timeseries.csv' using (column("time")/168):(column('satisfaction_ci95_low')):(column('satisfaction_ci95_high')) with table if (strcol("scope") eq 'back')
unset table
set table $m3_3
plot 'timeseries.csv' using (column("time")/168):(column('satisfaction')) with table if (strcol("scope") eq 'desk')
unset table
set table $b3_3
plot 'timeseries.csv' using (column("time")/168):(column('satisfaction_ci95_low')):(column('satisfaction_ci95_high')) with table if (strcol("scope") eq 'desk')
unset table
set table $m4_1
plot 'timeseries.csv' using (column("time")/168):(column('isq')) with table if (strcol("scope") eq 'counter')
unset table
set table $b4_1
plot 'timeseries.csv' using (column("time")/168):(column('isq_ci95_low')):(column('isq_ci95_high')) with table if (strcol("scope") eq 'counter')
unset table
set table $m4_2
plot 'timeseries.csv' using (column("time")/168):(column('isq')) with table if (strcol("scope") eq 'back')
unset table
set table $b4_2
plot 'timeseries.csv' using (column("time")/168):(column('isq_ci95_low')):(column('isq_ci95_high')) with table if (strcol("scope") eq 'back')
unset table
set table $m4_3
plot 'timeseries.csv' using (column("time")/168):(column('isq')) with table if (strcol("scope") eq 'desk')
unset table
set table $b4_3
plot 'timeseries.csv' using (column("time")/168):(column('isq_ci95_low')):(column('isq_ci95_high')) with table if (strcol("scope") eq 'desk')
unset table
set table $m5_1
plot 'timeseries.csv' using (column("time")/168):(column('pressure')) with table if (strcol("scope") eq 'counter')
unset table
set table $b5_1
plot 'timeseries.csv' using (column("time")/168):(column('pressure_ci95_low')):(column('pressure_ci95_high')) with table if (strcol("scope") eq 'counter')
unset table
set table $m5_2
plot 'timeseries.csv' using (column("time")/168):(column('pressure')) with table if (strcol("scope") eq 'back')
unset table
set table $b5_2
plot 'timeseries.csv' using (column("time")/168):(column('pressure_ci95_low')):(column('pressure_ci95_high')) with table if (strcol("scope") eq 'back')
unset table
set table $m5_3
plot 'timeseries.csv' using (column("time")/168):(column('pressure')) with table if (strcol("scope") eq 'desk')
unset table
set table $b5_3
plot 'timeseries.csv' using (column("time")/168):(column('pressure_ci95_low')):(column('pressure_ci95_high')) with table if (strcol("scope") eq 'desk')
unset table
set table $m6_1
plot 'timeseries.csv' using (column("time")/168):(column('headcount')) with table if (strcol("scope") eq 'counter')
unset table
set table $b6_1
plot 'timeseries.csv' using (column("time")/168):(column('headcount_ci95_low')):(column('headcount_ci95_high')) with table if (strcol("scope") eq 'counter')
unset table
set table $m6_2
plot 'timeseries.csv' using (column("time")/168):(column('headcount')) with table if (strcol("scope") eq 'back')
unset table
set table $b6_2
plot 'timeseries.csv' using (column("time")/168):(column('headcount_ci95_low')):(column('headcount_ci95_high')) with table if (strcol("scope") eq 'back')
unset table
set table $m6_3
plot 'timeseries.csv' using (column("time")/168):(column('headcount')) with table if (strcol("scope") eq 'desk')
unset table
set table $b6_3
plot 'timeseries.csv' using (column("time")/168):(column('headcount_ci95_low')):(column('headcount_ci95_high')) with table if (strcol("scope") eq 'desk')
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
    set output "timeseries-stages." . format
    set multiplot layout 3,2 title 'small-shop: the stages over time' font ",20" margins 0.08,0.98,0.09,0.84 spacing 0.09,0.1
    set grid
    set border lw 1.5
    set xrange [0:20]
    set key at screen 0.5, screen 0.925 center center horizontal maxrows 1 samplen 2 width 2
    set title 'Utilisation'
    set xlabel ''
    set ylabel 'busy servers (%)'
    set ytics 20
    plot $b1_1 using 1:($2*100):($3*100) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' notitle, $m1_1 using 1:($2*100) with lines lw 3 lc rgb '#1f77b4' title 'counter', \
         $b1_2 using 1:($2*100):($3*100) with filledcurves fs transparent solid 0.22 noborder lc rgb '#d62728' notitle, $m1_2 using 1:($2*100) with lines lw 3 lc rgb '#d62728' title 'back', \
         $b1_3 using 1:($2*100):($3*100) with filledcurves fs transparent solid 0.22 noborder lc rgb '#2ca02c' notitle, $m1_3 using 1:($2*100) with lines lw 3 lc rgb '#2ca02c' title 'desk'
    unset key
    set title 'Mean wait in queue'
    set xlabel ''
    set ylabel 'minutes'
    set ytics 2
    plot $b2_1 using 1:($2*60):($3*60) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' notitle, $m2_1 using 1:($2*60) with lines lw 3 lc rgb '#1f77b4' title 'counter', \
         $b2_2 using 1:($2*60):($3*60) with filledcurves fs transparent solid 0.22 noborder lc rgb '#d62728' notitle, $m2_2 using 1:($2*60) with lines lw 3 lc rgb '#d62728' title 'back', \
         $b2_3 using 1:($2*60):($3*60) with filledcurves fs transparent solid 0.22 noborder lc rgb '#2ca02c' notitle, $m2_3 using 1:($2*60) with lines lw 3 lc rgb '#2ca02c' title 'desk'
    unset key
    set title 'Employee satisfaction (ESAT)'
    set xlabel ''
    set ylabel 'ESAT (0-100)'
    set ytics 20
    plot $b3_1 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' notitle, $m3_1 using 1:($2*1) with lines lw 3 lc rgb '#1f77b4' title 'counter', \
         $b3_2 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#d62728' notitle, $m3_2 using 1:($2*1) with lines lw 3 lc rgb '#d62728' title 'back', \
         $b3_3 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#2ca02c' notitle, $m3_3 using 1:($2*1) with lines lw 3 lc rgb '#2ca02c' title 'desk'
    unset key
    set title 'Internal service quality (ISQ)'
    set xlabel ''
    set ylabel 'ISQ (0-100)'
    set ytics 10
    plot $b4_1 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' notitle, $m4_1 using 1:($2*1) with lines lw 3 lc rgb '#1f77b4' title 'counter', \
         $b4_2 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#d62728' notitle, $m4_2 using 1:($2*1) with lines lw 3 lc rgb '#d62728' title 'back', \
         $b4_3 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#2ca02c' notitle, $m4_3 using 1:($2*1) with lines lw 3 lc rgb '#2ca02c' title 'desk'
    unset key
    set title 'Work pressure'
    set xlabel 'time (weeks)'
    set ylabel 'pressure (1 = normal load)'
    set ytics 0.5
    plot $b5_1 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' notitle, $m5_1 using 1:($2*1) with lines lw 3 lc rgb '#1f77b4' title 'counter', \
         $b5_2 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#d62728' notitle, $m5_2 using 1:($2*1) with lines lw 3 lc rgb '#d62728' title 'back', \
         $b5_3 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#2ca02c' notitle, $m5_3 using 1:($2*1) with lines lw 3 lc rgb '#2ca02c' title 'desk'
    unset key
    set title 'Headcount'
    set xlabel 'time (weeks)'
    set ylabel 'employees'
    set ytics 5
    plot $b6_1 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' notitle, $m6_1 using 1:($2*1) with lines lw 3 lc rgb '#1f77b4' title 'counter', \
         $b6_2 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#d62728' notitle, $m6_2 using 1:($2*1) with lines lw 3 lc rgb '#d62728' title 'back', \
         $b6_3 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#2ca02c' notitle, $m6_3 using 1:($2*1) with lines lw 3 lc rgb '#2ca02c' title 'desk'
    unset multiplot
    unset output
}
