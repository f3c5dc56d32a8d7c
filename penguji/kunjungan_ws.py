"""A visitor without a browser: one Streamlit session over its websocket, opening a page the way the frontend does.

The client connects to /_stcore/stream (subprotocol `streamlit`), sends a BackMsg `rerun_script` whose ClientState
carries the page's URL path (`page_name`) and `query_string`, and reads ForwardMsgs until `script_finished`. Nothing
is drawn, so many such visitors fit in one process: the load benchmark and the proxy tests use it. Meant for
loopback servers only; every wait is bounded.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, replace

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import connect
from websockets.exceptions import WebSocketException

SELESAI = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_WITH_COMPILE_ERROR}


@dataclass(frozen=True)
class Kunjungan:
    """One page visit: seconds from sending the rerun to `script_finished` (None when it failed)."""

    halaman: str
    detik: float | None
    pengecualian: int = 0
    galat: str | None = None
    pekerja: str | None = None  # the proxy's sticky cookie value, when a proxy answered
    sambung_ulang: int = 0
    grup: str | None = None  # the sticky cookie of a proxy in front of worker groups, when one answered
    metrik: tuple[tuple[str, str], ...] = ()  # (label, value) of every st.metric the page drew, in order
    pemberitahuan: tuple[str, ...] = ()  # the text of every st.info/warning/error/success box, in order

    @property
    def berhasil(self) -> bool:
        return self.detik is not None and self.galat is None


def _cookie_pekerja(set_cookie: list[str], nama: str) -> str | None:
    for baris in set_cookie:
        kunci, _, sisa = baris.partition("=")
        if kunci.strip() == nama:
            return sisa.split(";", 1)[0]
    return None


async def _sekali(url: str, halaman: str, query: str, batas_detik: float, cookie: str | None) -> Kunjungan:
    ws_url = "ws" + url.removeprefix("http") + "/_stcore/stream"
    header = {"Cookie": cookie} if cookie else None
    # No client keepalive pings: a browser sends none, and a busy server answering late is not a failed visit.
    async with connect(
        ws_url,
        subprotocols=["streamlit"],
        additional_headers=header,
        open_timeout=batas_detik,
        max_size=None,
        ping_interval=None,
    ) as ws:
        set_cookie = ws.response.headers.get_all("set-cookie")
        pekerja = _cookie_pekerja(set_cookie, "DASBOR_PEKERJA")
        grup = _cookie_pekerja(set_cookie, "DASBOR_GRUP")
        msg = BackMsg()
        msg.rerun_script.page_name = halaman
        msg.rerun_script.query_string = query
        mulai = time.perf_counter()
        await ws.send(msg.SerializeToString())
        pengecualian = 0
        metrik: list[tuple[str, str]] = []
        pemberitahuan: list[str] = []
        async with asyncio.timeout(batas_detik):
            async for data in ws:
                fwd = ForwardMsg()
                fwd.ParseFromString(data)
                jenis = fwd.WhichOneof("type")
                elemen = fwd.delta.new_element.WhichOneof("type") if jenis == "delta" else None
                if elemen == "exception":
                    pengecualian += 1
                elif elemen == "metric":
                    metrik.append((fwd.delta.new_element.metric.label, fwd.delta.new_element.metric.body))
                elif elemen == "alert":
                    pemberitahuan.append(fwd.delta.new_element.alert.body)
                elif jenis == "page_not_found":
                    return Kunjungan(halaman, None, pengecualian, "halaman tidak ditemukan", pekerja, grup=grup)
                elif jenis == "script_finished" and fwd.script_finished in SELESAI:
                    galat = "galat kompilasi" if fwd.script_finished != ForwardMsg.FINISHED_SUCCESSFULLY else None
                    detik = time.perf_counter() - mulai
                    return Kunjungan(
                        halaman,
                        detik,
                        pengecualian,
                        galat,
                        pekerja,
                        grup=grup,
                        metrik=tuple(metrik),
                        pemberitahuan=tuple(pemberitahuan),
                    )
        return Kunjungan(halaman, None, pengecualian, "koneksi ditutup sebelum script_finished", pekerja, grup=grup)


async def kunjungi(
    url: str,
    halaman: str = "",
    query: str = "",
    *,
    batas_detik: float = 180,
    cookie: str | None = None,
    sambung_ulang: int = 0,
    jeda_detik: float = 1.0,
) -> Kunjungan:
    """Open `halaman` (URL path, '' for the home page) on the server at `url` (http://host:port).

    A lost connection is retried up to `sambung_ulang` times after `jeda_detik`, as Streamlit's frontend reconnects
    and reruns the page from its URL; `cookie` (e.g. "DASBOR_PEKERJA=1") pins the visit to a worker as a browser's
    sticky cookie does. Failures are returned, never raised, so one visitor's failure cannot hide the others'."""
    galat = "tidak dicoba"
    for percobaan in range(sambung_ulang + 1):
        try:
            hasil = await _sekali(url, halaman, query, batas_detik, cookie)
        except (OSError, TimeoutError, WebSocketException) as exc:
            galat = f"{type(exc).__name__}: {exc}"
        else:
            if hasil.berhasil or hasil.galat != "koneksi ditutup sebelum script_finished":
                return replace(hasil, sambung_ulang=percobaan)
            galat = hasil.galat
        if percobaan < sambung_ulang:
            await asyncio.sleep(jeda_detik)
    return Kunjungan(halaman, None, 0, galat, sambung_ulang=sambung_ulang)
