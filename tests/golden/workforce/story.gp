# story.gp -- The chain over time: ESAT, CSAT, active customers and profit, with 95% bands.
# Written by spcsim 0.2.0 from story.csv; draws story.svg (and story.png, see below).
# Edit freely, then redraw in this folder with:  gnuplot story.gp
# (with the PNG too: gnuplot -e "formats='svg png'" story.gp;
# `spcsim plot DIR` rewrites this file from the CSV files.)

set datafile separator comma
set datafile columnheaders
set table $s0_0
plot 'story.csv' using (column("weeks")):(column("mean")):(column("ci95_low")):(column("ci95_high")) with table if (strcol("arm") eq 'understaffed' && strcol("metric") eq 'esat')
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
    set output "story." . format
    set multiplot layout 1,1 title 'Before and after the decision, on one time axis' font ",20" margins 0.10,0.98,0.09,0.84 spacing 0.11,0.1
    set grid
    set border lw 1.5
    set xrange [0:90]
    set key at screen 0.5, screen 0.925 center center horizontal maxrows 1 samplen 2 width 2
    unset object
    unset arrow
    unset label
    set arrow 1 from first 26, graph 0 to first 26, graph 1 nohead dt 2 lw 3 lc rgb '#333333' front
    set label 2 ' decision (week 26)' at first 26, graph 0.92 left front
    set title 'Employee satisfaction (ESAT, 0-100)'
    set xlabel 'time (weeks)'
    set ytics 50
    plot $s0_0 using 1:3:4 with filledcurves fs transparent solid 0.2 noborder lc rgb '#1f77b4' notitle, $s0_0 using 1:2 with lines lw 3 lc rgb '#1f77b4' title 'understaffed'
    unset multiplot
    unset output
}
