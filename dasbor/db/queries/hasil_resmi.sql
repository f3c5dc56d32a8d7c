SELECT h.kode_wilayah, w.nama_wilayah, h.tahun, h.nilai_iid, h.predikat, h.peringkat, h.lingkup_peringkat,
       h.status, h.keyakinan, h.catatan, h.sumber
FROM hasil_resmi h
JOIN wilayah w USING (kode_wilayah)
ORDER BY h.kode_wilayah, h.tahun
