scenario { id = "badet", title = "Badet", start = "2026-06-01 09:00", duration = "1h",
           platform = "x" }
persona { id = "lena", handle = "lenah_82", mood = "calm" }
post { id = "p1", text = "Utomhusbadet öppnar på lördag!", platform = "instagram",
       image = "bibliotek.png", image_alt = "Biblioteket",
       link = { url = "https://ekby.se/badet", title = "Öppettider", site = "ekby.se" } }
comment { id = "c1", on = "p1", at = "+5m", author = "lena", text = "När öppnar det?",
          expect = { within = "30m" } }
