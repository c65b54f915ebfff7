"""The faces of kooplan: command line, HTTP service, case loads, pandas, catalogue, checks.

Imports: kooplan.werte, kooplan.recht, kooplan.motor, kooplan.vertrag, kooplan.beispiele, kooplan
"""
