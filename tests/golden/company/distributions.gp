# distributions.gp -- Each replication's value of the headline measures.
# Written by spcsim 0.2.0 from replications.csv; draws distributions.svg (and distributions.png, see below).
# Edit freely, then redraw in this folder with:  gnuplot distributions.gp
# (with the PNG too: gnuplot -e "formats='svg png'" distributions.gp;
# `spcsim plot DIR` rewrites this file from the CSV files.)

set datafile separator comma
set datafile columnheaders
$d0_0 << EOD
-0.3 70.0968
-0.2 70.394
EOD
$d1_0 << EOD
-0.3 93.9993
-0.2 94.1182
EOD
$d2_0 << EOD
-0.3 24.0472
-0.2 27.5194
EOD
$d3_0 << EOD
-0.3 2783.9
-0.2 2809
EOD
$d4_0 << EOD
-0.3 2.46618e+06
-0.2 2.49233e+06
EOD
$d5_0 << EOD
-0.3 478698
-0.2 492392
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
    set title 'ESAT: employee satisfaction (points (0-100))'
    set xrange [-0.6:0.6]
    set ytics autofreq
    set xtics ('replications' 0)
    plot $d0_0 using 1:2 with points pt 7 ps 1.6 lc rgb '#1f77b4' notitle
    set title 'CSAT: satisfied respondents (%)'
    set xrange [-0.6:0.6]
    set ytics autofreq
    set xtics ('replications' 0)
    plot $d1_0 using 1:2 with points pt 7 ps 1.6 lc rgb '#1f77b4' notitle
    set title 'NPS: net promoter score (points (-100 to 100))'
    set xrange [-0.6:0.6]
    set ytics autofreq
    set xtics ('replications' 0)
    plot $d2_0 using 1:2 with points pt 7 ps 1.6 lc rgb '#1f77b4' notitle
    set title 'active customers (persons)'
    set xrange [-0.6:0.6]
    set ytics autofreq
    set xtics ('replications' 0)
    plot $d3_0 using 1:2 with points pt 7 ps 1.6 lc rgb '#1f77b4' notitle
    set title 'revenue (currency in the window)'
    set xrange [-0.6:0.6]
    set ytics autofreq
    set xtics ('replications' 0)
    plot $d4_0 using 1:2 with points pt 7 ps 1.6 lc rgb '#1f77b4' notitle
    set title 'profit (currency in the window)'
    set xrange [-0.6:0.6]
    set ytics autofreq
    set xtics ('replications' 0)
    plot $d5_0 using 1:2 with points pt 7 ps 1.6 lc rgb '#1f77b4' notitle
    unset multiplot
    unset output
}
