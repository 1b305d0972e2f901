# stages.gp -- small-shop: the chain of stages.
# Written by spcsim 0.2.0 from summary.csv; draws stages.svg (and stages.png, see below).
# Edit freely, then redraw in this folder with:  gnuplot stages.gp
# (with the PNG too: gnuplot -e "formats='svg png'" stages.gp;
# `spcsim plot DIR` rewrites this file from the CSV files.)

set datafile separator comma
set datafile columnheaders
# a stage's place along the chain (run.json's order)
stage(s) = s eq 'counter' ? 0 : s eq 'back' ? 1 : s eq 'desk' ? 2 : -1
set table $s1
plot 'summary.csv' using (stage(strcol("scope"))):(column("mean")):(column("ci95_low")):(column("ci95_high")) with table if (strcol("metric") eq 'utilization' && stage(strcol("scope")) >= 0)
unset table
set table $s2
plot 'summary.csv' using (stage(strcol("scope"))):(column("mean")):(column("ci95_low")):(column("ci95_high")) with table if (strcol("metric") eq 'wait_mean' && stage(strcol("scope")) >= 0)
unset table
set table $s3
plot 'summary.csv' using (stage(strcol("scope"))):(column("mean")):(column("ci95_low")):(column("ci95_high")) with table if (strcol("metric") eq 'isq_mean' && stage(strcol("scope")) >= 0)
unset table
set table $s4
plot 'summary.csv' using (stage(strcol("scope"))):(column("mean")):(column("ci95_low")):(column("ci95_high")) with table if (strcol("metric") eq 'satisfaction_mean' && stage(strcol("scope")) >= 0)
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
    set output "stages." . format
    set multiplot layout 2,2 title 'small-shop: the chain of stages' font ",20" margins 0.08,0.98,0.09,0.84 spacing 0.09,0.1
    set grid
    set border lw 1.5
    set xrange [-0.6:2.6]
    set xtics ('counter' 0, 'back' 1, 'desk' 2) 
    set yrange [0:*]
    set offsets 0, 0, graph 0.1, 0
    set boxwidth 0.6
    set style fill solid 0.55 border -1
    set key at screen 0.5, screen 0.925 center center horizontal maxrows 1 samplen 2 width 2
    set title 'Utilisation'
    set xlabel ''
    set ylabel 'busy servers (%)'
    set ytics 10
    plot $s1 using 1:($2*100):($3*100):($4*100):(0.6) with boxerrorbars lc rgb '#1f77b4' lw 2 title 'mean, with its 95% confidence interval'
    unset key
    set title 'Mean wait in queue'
    set xlabel ''
    set ylabel 'minutes'
    set ytics 0.5
    plot $s2 using 1:($2*60):($3*60):($4*60):(0.6) with boxerrorbars lc rgb '#1f77b4' lw 2 title 'mean, with its 95% confidence interval'
    unset key
    set title 'Internal service quality (ISQ)'
    set xlabel 'stage (in the order orders pass them)'
    set ylabel 'ISQ (0-100)'
    set ytics 20
    plot $s3 using 1:($2*1):($3*1):($4*1):(0.6) with boxerrorbars lc rgb '#1f77b4' lw 2 title 'mean, with its 95% confidence interval'
    unset key
    set title 'Employee satisfaction (ESAT)'
    set xlabel 'stage (in the order orders pass them)'
    set ylabel 'ESAT (0-100)'
    set ytics 20
    plot $s4 using 1:($2*1):($3*1):($4*1):(0.6) with boxerrorbars lc rgb '#1f77b4' lw 2 title 'mean, with its 95% confidence interval'
    unset multiplot
    unset output
}
