"""The value objects: plan, events, case, Anliegen, phase, errors, and how they show themselves.

Frozen attrs classes that check every field when they are built (`plan`, `ereignisse`, `fall`,
`anliegen`, `phase`), the typed errors a wrong value raises (`fehler`), the validators they
share (`pruefen`) and the enum base hashed by identity (`aufzaehlung`); how results show
themselves as HTML, text and Markdown (`darstellung`) and as the contract's JSON (`ausgabe`),
both reading the fields they need through protocols (`formen`); and the registry of caches
(`zwischenspeicher`). They know no rule of the law beyond their own fields and import nothing
else of kooplan, so the law tables, the engine and the faces can all rest on them.

Imports: nothing (the standard library and attrs only).
"""
