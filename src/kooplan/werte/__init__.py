"""The value objects: the plan, the events, the case, the errors and the validators they share.

Frozen attrs classes that check every field when they are built, and the typed errors a wrong
value raises. They know no rule of the law beyond their own fields and import nothing else of
kooplan, so the law tables, the engine and the faces can all rest on them.

Imports: nothing (the standard library and attrs only).
"""
