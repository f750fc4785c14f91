"""India Compliance's own e-invoice builder, run in the bench's Python (as setup.sh runs wizard.py):
prints one JSON line with EInvoiceData(doc).get_data() (gst_india/utils/e_invoice.py) for each Sales
Invoice named on stdin. Run from the bench's sites dir: ../env/bin/python ic_builder.py SITE < names.json
Nothing is saved: `irn` is cleared in memory only, because the builder refuses an invoice that has one."""
import json
import sys

import frappe

MARK = "IRN-BRIDGE-IC-BUILDER:"
site = sys.argv[1]
names = json.load(sys.stdin)
frappe.init(site=site, sites_path=".")
frappe.connect()
frappe.set_user("Administrator")
from india_compliance.gst_india.utils.e_invoice import EInvoiceData  # noqa: E402

out = {}
for name in names:
    try:
        doc = frappe.get_doc("Sales Invoice", name)
        doc.irn = None
        out[name] = {"data": EInvoiceData(doc).get_data()}
    except Exception as e:  # the builder's own refusal is a result too
        out[name] = {"error": f"{type(e).__name__}: {e}"}
    frappe.clear_messages()
frappe.db.rollback()
print(MARK + json.dumps(out, default=str))
frappe.destroy()
