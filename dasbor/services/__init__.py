"""The services: what the pages, the commands and the deck compute from the published copies.

Importing any of them installs what a publish stores beside the data (issue 25 §4): the results of every year that
changed (hasil_terbit, computed by hasil.hasil_tahun_terbit). So every process that reaches the database through the
services (the app, every command, the demo build) publishes copies that its readers need not score again. It is done
here, above services/db.py, which the results' computation itself reads through.
"""

from dasbor.db import terbitan
from dasbor.services import hasil, hasil_terbit

terbitan.pasang_hasil(
    terbitan.HasilTerbit(
        usang=hasil_terbit.usang, perbarui=lambda db: hasil_terbit.perbarui(db, hasil.hasil_tahun_terbit)
    )
)
