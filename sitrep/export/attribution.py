"""What every export must credit: the gazetteers sitrep places events with."""
from sitrep import __version__

ATTRIBUTION = ("Place names and coordinates: GeoNames (https://www.geonames.org), CC BY 4.0. Ukrainian "
               "settlements and their oblast/raion/hromada: KATOTTG, the Codifier of administrative-territorial "
               "units and territories of territorial communities of Ukraine (Ministry for Communities and "
               "Territories Development of Ukraine).")
LICENSES = {"GeoNames": "CC BY 4.0", "KATOTTG": "official codifier of Ukraine (public information)"}
GENERATOR = f"sitrep {__version__}"
