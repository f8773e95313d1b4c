* The hand-worked design of tests/pipeline/estimate.test.ts as an SPSS system file (made with GNU PSPP).
DATA LIST LIST /id (F2.0) h (A1) psu (A2) w (F3.0) sex (F1.0) y (F1.0) fpc (F2.0).
BEGIN DATA
1 A a1 2 1 1 10
2 A a1 3 2 0 10
3 A a2 1 2 1 10
4 A a2 4 1 1 10
5 A a3 2 2 0 10
6 B b1 5 1 0 4
7 B b1 1 2 1 4
8 B b2 2 1 1 4
9 B b2 3 2 0 4
10 B b2 2 2 9 4
11 C c1 6 1 1 2
12 C c1 2 2 0 2
END DATA.
MISSING VALUES y (9).
VALUE LABELS y 1 'ja' 0 'nej' 9 'vet ej'.
SAVE OUTFILE='hand.sav'.
