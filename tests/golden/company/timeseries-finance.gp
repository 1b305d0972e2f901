# timeseries-finance.gp -- small-shop: finance over time.
# Written by spcsim 0.2.0 from timeseries.csv; draws timeseries-finance.svg (and timeseries-finance.png, see below).
# Edit freely, then redraw in this folder with:  gnuplot timeseries-finance.gp
# (with the PNG too: gnuplot -e "formats='svg png'" timeseries-finance.gp;
# `spcsim plot DIR` rewrites this file from the CSV files.)

set datafile separator comma
set datafile columnheaders
set table $m1
plot 'timeseries.csv' using (column("time")/168):(column('revenue')) with table if (strcol("scope") eq 'finance')
unset table
set table $b1
plot 'timeseries.csv' using (column("time")/168):(column('revenue_ci95_low')):(column('revenue_ci95_high')) with table if (strcol("scope") eq 'finance')
unset table
set table $m2
plot 'timeseries.csv' using (column("time")/168):(column('costs')) with table if (strcol("scope") eq 'finance')
unset table
set table $b2
plot 'timeseries.csv' using (column("time")/168):(column('costs_ci95_low')):(column('costs_ci95_high')) with table if (strcol("scope") eq 'finance')
unset table
set table $m3
plot 'timeseries.csv' using (column("time")/168):(column('profit')) with table if (strcol("scope") eq 'finance')
unset table
set table $b3
plot 'timeseries.csv' using (column("time")/168):(column('profit_ci95_low')):(column('profit_ci95_high')) with table if (strcol("scope") eq 'finance')
unset table
set table $m4
plot 'timeseries.csv' using (column("time")/168):(column('margin')) with table if (strcol("scope") eq 'finance')
unset table
set table $b4
plot 'timeseries.csv' using (column("time")/168):(column('margin_ci95_low')):(column('margin_ci95_high')) with table if (strcol("scope") eq 'finance')
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
    set output "timeseries-finance." . format
    set multiplot layout 2,2 title 'small-shop: finance over time' font ",20" margins 0.08,0.98,0.09,0.84 spacing 0.09,0.1
    set grid
    set border lw 1.5
    set xrange [0:20]
    set key at screen 0.5, screen 0.925 center center horizontal maxrows 1 samplen 2 width 2
    set title 'Revenue per 2 weeks'
    set xlabel ''
    set ylabel 'currency units'
    set ytics 20000
    plot $b1 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' title '95% confidence interval', $m1 using 1:($2*1) with lines lw 3 lc rgb '#1f77b4' title 'mean over the replications'
    unset key
    set title 'Costs per 2 weeks'
    set xlabel ''
    set ylabel 'currency units'
    set ytics 20000
    plot $b2 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' title '95% confidence interval', $m2 using 1:($2*1) with lines lw 3 lc rgb '#1f77b4' title 'mean over the replications'
    unset key
    set title 'Profit per 2 weeks'
    set xlabel 'time (weeks)'
    set ylabel 'currency units'
    set ytics 20000
    plot $b3 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' title '95% confidence interval', $m3 using 1:($2*1) with lines lw 3 lc rgb '#1f77b4' title 'mean over the replications'
    unset key
    set title 'Profit margin'
    set xlabel 'time (weeks)'
    set ylabel '% of revenue'
    set ytics 10
    plot $b4 using 1:($2*1):($3*1) with filledcurves fs transparent solid 0.22 noborder lc rgb '#1f77b4' title '95% confidence interval', $m4 using 1:($2*1) with lines lw 3 lc rgb '#1f77b4' title 'mean over the replications'
    unset multiplot
    unset output
}
