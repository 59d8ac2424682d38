"""sitrep.geo: the offline geocoder and geoparser.

    from sitrep.geo import Geocoder
    geo = Geocoder.default()                       # opens (or first builds) the on-disk gazetteer index
    geo.geocode("Vasilyevka", context="Zaporozhye region")
    geo.find_mentions(article_text)                # [PlaceMention(start, end, name, place)]
    geo.region("Kharkov region")                   # region-level place, capital's coordinates, precision 3
"""
from sitrep.geo.geocoder import Geocoder
from sitrep.geo.place import Place, PlaceMention

__all__ = ["Geocoder", "Place", "PlaceMention"]
