"""The engine: the fold over a case's events, the decision, the Rechtsfolgen and the calendar.

It evaluates the tables of `kooplan.recht` on the value objects of `kooplan.werte`: the fold
(`phasen`) takes a case's events through the transition table to the state of a day, the
decision (`entscheidung`) picks the first rule whose conditions hold on that state, the
Rechtsfolgen (`rechtsfolgen`) say what a Rechtsfolgenbelehrung must announce, and the calendar
(`kalender`, `fristen`) computes the days the law counts. Nothing here reads the clock.

Imports: kooplan.werte, kooplan.recht.
"""
