"""Running the model: the Mesa model and its agents, and a run with its matched baseline arm.

The Mesa model (:mod:`.model`) and its agents (:mod:`.agents`) are how the dashboard and the
workshop see people; a :class:`~.simulation.Simulation` steps the model beside the matched
baseline arm (:mod:`.baseline`) and records what a run asks for.
"""
