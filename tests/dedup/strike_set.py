"""A hand-written multi-outlet set (fictional, wire style): incidents reported by 2-3 outlets in their own words,
and same-day same-city distractors (another strike with a different weapon or target). Each item:
(article_id, incident_key, published, text)."""
from __future__ import annotations

ARTICLES = [
    # 1 Kharkiv hypermarket, different tolls: one event
    ("k1-a", "kharkiv-hyper", "2024-05-25", "KHARKIV, May 25, 2024 - Russian forces struck a hypermarket in Kharkiv on Saturday, killing six people, regional governor Oleh Syniehubov said."),
    ("k1-b", "kharkiv-hyper", "2024-05-25", "At least 12 people died when Russian bombs hit a crowded hypermarket in Kharkiv on Saturday, officials said."),
    ("k1-c", "kharkiv-hyper", "2024-05-26", "KHARKIV, May 26, 2024 - The toll from Saturday's Russian strike on a Kharkiv hypermarket rose to 16, the mayor said."),
    # distractor: same day, same city, S-300 missile on a railway station
    ("k1-x", "kharkiv-rail", "2024-05-25", "KHARKIV, May 25, 2024 - A Russian S-300 missile hit the railway station in Kharkiv on Saturday, wounding three workers, the railway company said."),
    # 2 Odesa port drone attack
    ("o2-a", "odesa-port", "2024-04-10", "ODESA, April 10, 2024 - Russian drones attacked the port of Odesa on Wednesday, killing two dock workers, the regional governor said."),
    ("o2-b", "odesa-port", "2024-04-10", "Two workers were killed when Shahed drones struck port facilities in Odesa on Wednesday, Ukraine's military said."),
    ("o2-x", "odesa-church", "2024-04-10", "ODESA, April 10, 2024 - A Russian missile damaged a cathedral in central Odesa on Wednesday, injuring one priest, officials said."),
    # 3 Kherson market shelling
    ("h3-a", "kherson-market", "2024-03-08", "KHERSON, March 8, 2024 - Russian artillery shelled the central market of Kherson on Friday, killing three civilians, governor Oleksandr Prokudin said."),
    ("h3-b", "kherson-market", "2024-03-08", "Russian shelling of a market in Kherson on Friday left three people dead, the regional administration reported."),
    ("h3-x", "kherson-hospital", "2024-03-08", "KHERSON, March 8, 2024 - A Russian drone dropped explosives on a hospital in Kherson on Friday, wounding two nurses, Prokudin said."),
    # 4 Dnipro energy facility missile strike
    ("d4-a", "dnipro-energy", "2024-03-22", "DNIPRO, March 22, 2024 - Russian missiles hit a power plant in Dnipro on Friday, killing one worker, the energy company said."),
    ("d4-b", "dnipro-energy", "2024-03-22", "A Russian missile strike on a Dnipro power plant on Friday killed a worker, Ukraine's energy ministry said."),
    ("d4-x", "dnipro-house", "2024-03-22", "DNIPRO, March 22, 2024 - Russian drones hit an apartment building in Dnipro on Friday, wounding four residents, the governor said."),
    # 5 Zaporizhzhia glide bomb on a factory
    ("z5-a", "zap-factory", "2024-04-06", "ZAPORIZHZHIA, April 6, 2024 - A Russian glide bomb struck a factory in Zaporizhzhia on Saturday, killing two people, governor Ivan Fedorov said."),
    ("z5-b", "zap-factory", "2024-04-06", "Russian forces dropped a guided bomb on an industrial plant in Zaporizhzhia on Saturday, leaving two dead, Fedorov said."),
    ("z5-x", "zap-school", "2024-04-06", "ZAPORIZHZHIA, April 6, 2024 - Russian artillery shelled a school in Zaporizhzhia on Saturday, wounding a teacher, officials said."),
    # 6 Sumy apartment block drone strike
    ("s6-a", "sumy-flats", "2024-03-13", "SUMY, March 13, 2024 - A Russian drone struck an apartment block in Sumy on Wednesday, killing two residents, the regional administration said."),
    ("s6-b", "sumy-flats", "2024-03-13", "Two people died when a Shahed drone hit a residential building in Sumy on Wednesday, police said."),
    ("s6-x", "sumy-energy", "2024-03-13", "SUMY, March 13, 2024 - A Russian missile hit an energy facility in Sumy on Wednesday, cutting power, officials said."),
    # 7 Mykolaiv hotel missile strike
    ("m7-a", "myk-hotel", "2024-03-17", "MYKOLAIV, March 17, 2024 - A Russian missile hit a hotel in Mykolaiv on Sunday, killing one person, governor Vitaliy Kim said."),
    ("m7-b", "myk-hotel", "2024-03-17", "One person was killed when a Russian missile struck a Mykolaiv hotel on Sunday, Vitaliy Kim said."),
    ("m7-x", "myk-port", "2024-03-17", "MYKOLAIV, March 17, 2024 - Russian drones attacked the grain terminal in Mykolaiv on Sunday, wounding a guard, Kim said."),
    # 8 Kryvyi Rih restaurant missile strike
    ("r8-a", "kr-cafe", "2024-04-12", "KRYVYI RIH, April 12, 2024 - A Russian ballistic missile hit a restaurant in Kryvyi Rih on Friday, killing four people, the city's military head said."),
    ("r8-b", "kr-cafe", "2024-04-12", "Four people were killed when a Russian missile destroyed a cafe in Kryvyi Rih on Friday, officials said."),
    ("r8-x", "kr-market", "2024-04-12", "KRYVYI RIH, April 12, 2024 - Russian artillery shelled a market in Kryvyi Rih on Friday, wounding two traders, officials said."),
    # 9 Chernihiv hospital missile strike
    ("c9-a", "cher-hospital", "2024-04-17", "CHERNIHIV, April 17, 2024 - Russian missiles struck a hospital in Chernihiv on Wednesday, killing 17 people, the mayor said."),
    ("c9-b", "cher-hospital", "2024-04-17", "At least 13 people died when three Russian missiles hit near a hospital in Chernihiv on Wednesday, Ukraine's emergency service said."),
    ("c9-x", "cher-house", "2024-04-17", "CHERNIHIV, April 17, 2024 - A Russian drone hit houses on the outskirts of Chernihiv on Wednesday, wounding one man, officials said."),
    # 10 Kyiv school drone strike
    ("v10-a", "kyiv-school", "2024-05-02", "KYIV, May 2, 2024 - Russian drones hit a school in Kyiv on Thursday, wounding two guards, the city military administration said."),
    ("v10-b", "kyiv-school", "2024-05-02", "Two security guards were wounded when Russian drones struck a school building in Kyiv on Thursday, officials said."),
    ("v10-x", "kyiv-energy", "2024-05-02", "KYIV, May 2, 2024 - A Russian cruise missile hit a substation in Kyiv on Thursday, causing blackouts, the energy ministry said."),
    # 11 Kharkiv second distractor on the hypermarket day: another hypermarket-free strike
    ("k1-y", "kharkiv-print", "2024-05-25", "KHARKIV, May 25, 2024 - Russian missiles struck a printing factory in Kharkiv on Saturday, killing seven workers, Syniehubov said."),
]
