# distributions.gp -- Each replication's value of the headline measures.
# Written by spcsim 0.2.0 from replications.csv; draws distributions.svg (and distributions.png, see below).
# Edit freely, then redraw in this folder with:  gnuplot distributions.gp
# (with the PNG too: gnuplot -e "formats='svg png'" distributions.gp;
# `spcsim plot DIR` rewrites this file from the CSV files.)

set datafile separator comma
set datafile columnheaders
set table $d0_0
plot 'replications.csv' using (0 + 0.3 * ((int(column("replication")) % 7) / 3.0 - 1)):(column("value")) with table if (strcol("scope") eq 'company' && strcol("metric") eq 'satisfaction_mean')
unset table
set table $d1_0
plot 'replications.csv' using (0 + 0.3 * ((int(column("replication")) % 7) / 3.0 - 1)):(column("value")) with table if (strcol("scope") eq 'company' && strcol("metric") eq 'turnover_annual')
unset table
set table $d2_0
plot 'replications.csv' using (0 + 0.3 * ((int(column("replication")) % 7) / 3.0 - 1)):(column("value")) with table if (strcol("scope") eq 'company' && strcol("metric") eq 'headcount_mean')
unset table
set table $d3_0
plot 'replications.csv' using (0 + 0.3 * ((int(column("replication")) % 7) / 3.0 - 1)):(column("value")) with table if (strcol("scope") eq 'system' && strcol("metric") eq 'lead_time_mean')
unset table
set table $d4_0
plot 'replications.csv' using (0 + 0.3 * ((int(column("replication")) % 7) / 3.0 - 1)):(column("value")) with table if (strcol("scope") eq 'system' && strcol("metric") eq 'throughput')
unset table
set table $d5_0
plot 'replications.csv' using (0 + 0.3 * ((int(column("replication")) % 7) / 3.0 - 1)):(column("value")) with table if (strcol("scope") eq 'system' && strcol("metric") eq 'escaped_defects')
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
    set output "distributions." . format
    set multiplot layout 3,2 title 'Each replication''s value: one point per replication' font ",20" margins 0.08,0.98,0.09,0.84 spacing 0.09,0.1
    set grid
    set border lw 1.5
    unset key
    set grid ytics
    set title 'employee satisfaction (points (0-100))'
    set xrange [-0.6:0.6]
    set ytics autofreq
    set xtics ('replications' 0)
    plot $d0_0 using 1:2 with points pt 7 ps 1.6 lc rgb '#1f77b4' notitle
    set title 'employee turnover (share per year)'
    set xrange [-0.6:0.6]
    set ytics autofreq
    set xtics ('replications' 0)
    plot $d1_0 using 1:2 with points pt 7 ps 1.6 lc rgb '#1f77b4' notitle
    set title 'headcount (persons)'
    set xrange [-0.6:0.6]
    set ytics autofreq
    set xtics ('replications' 0)
    plot $d2_0 using 1:2 with points pt 7 ps 1.6 lc rgb '#1f77b4' notitle
    set title 'lead time (h)'
    set xrange [-0.6:0.6]
    set ytics autofreq
    set xtics ('replications' 0)
    plot $d3_0 using 1:2 with points pt 7 ps 1.6 lc rgb '#1f77b4' notitle
    set title 'throughput (orders per h)'
    set xrange [-0.6:0.6]
    set ytics autofreq
    set xtics ('replications' 0)
    plot $d4_0 using 1:2 with points pt 7 ps 1.6 lc rgb '#1f77b4' notitle
    set title 'defects that reached customers (orders in the window)'
    set xrange [-0.6:0.6]
    set ytics autofreq
    set xtics ('replications' 0)
    plot $d5_0 using 1:2 with points pt 7 ps 1.6 lc rgb '#1f77b4' notitle
    unset multiplot
    unset output
}
