# distributions.gp -- Each replication's value of the headline measures.
# Written by spcsim 0.2.0 from replications.csv; draws distributions.svg (and distributions.png, see below).
# Edit freely, then redraw in this folder with:  gnuplot distributions.gp
# (with the PNG too: gnuplot -e "formats='svg png'" distributions.gp;
# `spcsim plot DIR` rewrites this file from the CSV files.)

set datafile separator comma
set datafile columnheaders
$d0_0 << EOD
-0.3 54.2194
-0.2 52.0301
EOD
$d1_0 << EOD
-0.3 0.542621
-0.2 0.579412
EOD
$d2_0 << EOD
-0.3 50.1222
-0.2 49.8111
EOD
$d3_0 << EOD
-0.3 2.43749
-0.2 3.52323
EOD
$d4_0 << EOD
-0.3 30.0501
-0.2 29.9147
EOD
$d5_0 << EOD
-0.3 147027
-0.2 142144
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
