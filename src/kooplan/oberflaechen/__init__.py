"""The faces of kooplan: the ways in from outside (command line, HTTP service, conformance kit).

Imports: kooplan.werte, kooplan.recht, kooplan.motor, kooplan.vertrag, kooplan.beispiele, kooplan
"""
