/**
 * Customers, addresses and items for one test run, created through the REST API by the administrator
 * (an Accounts User may not create customers or items),
 * with a run tag in every name so that runs never collide on the same site. The buyers are the
 * offline IRP's taxpayers (companion/src/offline-irp/taxpayers.ts), so that registration succeeds.
 */
import type { FrappeClient } from './frappe-client';
import { ABBR, COMPANY, COMPANY_ADDRESS, MAPPED_UOM, USD_DEBTORS } from './site';

export interface Masters {
  tag: string;
  companyAddress: string;
  customers: Record<CustomerKey, { name: string; address: string }>;
  portAddress: string;
  items: Record<ItemKey, string>;
  templates: { inState: string; outState: string; inStateRcm: string };
  accounts: Record<'cgst' | 'sgst' | 'igst' | 'freight' | 'discount', string>;
}

type CustomerKey = 'bhima' | 'rangoli' | 'rangoliUsd' | 'malabarSez' | 'overseas';
type ItemKey = 'turmeric' | 'chilli' | 'consulting' | 'sack' | 'rice';

const CUSTOMERS: Record<CustomerKey, { title: string; gstin?: string; category: string; line1: string; city: string; state: string; pincode: string; country: string }> = {
  bhima: { title: 'Bhima Stores LLP', gstin: '29AAKCB2045P1Z7', category: 'Registered Regular', line1: '88 Residency Road', city: 'Bengaluru', state: 'Karnataka', pincode: '560025', country: 'India' },
  rangoli: { title: 'Rangoli Foods Private Limited', gstin: '37AAGCR5310M1Z6', category: 'Registered Regular', line1: 'D.No. 40-5-12, Benz Circle Road', city: 'Vijayawada', state: 'Andhra Pradesh', pincode: '520010', country: 'India' },
  rangoliUsd: { title: 'Rangoli Foods USD Account', gstin: '37AAGCR5310M1Z6', category: 'Registered Regular', line1: 'D.No. 40-5-12, Benz Circle Road', city: 'Vijayawada', state: 'Andhra Pradesh', pincode: '520010', country: 'India' },
  malabarSez: { title: 'Malabar Cashew Company Private Limited', gstin: '32AABCM7788Q1ZO', category: 'SEZ', line1: 'Plot 7, Cashew SEZ', city: 'Kollam', state: 'Kerala', pincode: '691001', country: 'India' },
  overseas: { title: 'Lakeside Gourmet Imports Inc', category: 'Overseas', line1: '400 Lakeshore Drive', city: 'Chicago', state: 'Illinois', pincode: '60611', country: 'United States' },
};

const ITEMS: Record<ItemKey, { name: string; hsn: string; uom: string; template?: string }> = {
  turmeric: { name: 'Turmeric Powder', hsn: '09103020', uom: 'Nos', template: 'GST 5%' },
  chilli: { name: 'Red Chilli Powder', hsn: '09042211', uom: 'Nos', template: 'GST 5%' },
  consulting: { name: 'Spice Blending Consultancy', hsn: '998311', uom: 'Nos' },
  sack: { name: 'Coriander Seeds Sack', hsn: '09092110', uom: MAPPED_UOM.uom, template: 'GST 5%' },
  rice: { name: 'Unbranded Rice', hsn: '10063020', uom: 'Nos', template: 'Nil-Rated' },
};

async function addressFor(c: FrappeClient, tag: string, title: string, a: (typeof CUSTOMERS)[CustomerKey], link?: { doctype: string; name: string }, type = 'Billing'): Promise<string> {
  const doc = await c.insert<{ name: string }>({
    doctype: 'Address', address_title: `${title} ${tag}`, address_type: type, address_line1: a.line1, city: a.city, state: a.state,
    pincode: a.pincode, country: a.country, ...(a.gstin ? { gstin: a.gstin } : {}), gst_category: a.category, is_primary_address: 1,
    ...(link ? { links: [{ link_doctype: link.doctype, link_name: link.name }] } : {}),
  });
  return doc.name;
}

export async function createMasters(admin: FrappeClient, tag: string): Promise<Masters> {
  const company = await admin.get<{ name: string }>('Company', COMPANY);
  const companyAddress = (await admin.list<{ name: string }>('Address', [['address_title', '=', COMPANY_ADDRESS]]))[0]?.name;
  if (!companyAddress) throw new Error(`The company ${company.name} has no address ${COMPANY_ADDRESS}.`);

  const customers = {} as Masters['customers'];
  for (const [key, c] of Object.entries(CUSTOMERS) as [CustomerKey, (typeof CUSTOMERS)[CustomerKey]][]) {
    const cust = await admin.insert<{ name: string }>({
      doctype: 'Customer', customer_name: `${c.title} ${tag}`, customer_type: 'Company', gst_category: c.category, ...(c.gstin ? { gstin: c.gstin } : {}),
      ...(key === 'overseas' || key === 'rangoliUsd' ? { default_currency: 'USD', accounts: [{ company: COMPANY, account: USD_DEBTORS }] } : {}),
    });
    customers[key] = { name: cust.name, address: await addressFor(admin, tag, c.title, c, { doctype: 'Customer', name: cust.name }) };
  }
  const portAddress = await addressFor(admin, tag, 'Chennai Port', {
    title: 'Chennai Port', category: 'Unregistered', line1: 'Rajaji Salai, Chennai Port', city: 'Chennai', state: 'Tamil Nadu', pincode: '600001', country: 'India',
  }, undefined, 'Shipping');

  const items = {} as Masters['items'];
  for (const [key, it] of Object.entries(ITEMS) as [ItemKey, (typeof ITEMS)[ItemKey]][]) {
    const code = `${it.name} ${tag}`;
    await admin.insert({
      doctype: 'Item', item_code: code, item_name: it.name, item_group: 'Products', stock_uom: it.uom, is_stock_item: 0, gst_hsn_code: it.hsn,
      ...(it.template ? { taxes: [{ item_tax_template: `${it.template} - ${ABBR}` }] } : {}),
    });
    items[key] = code;
  }
  return {
    tag,
    companyAddress,
    customers,
    portAddress,
    items,
    templates: { inState: `Output GST In-state - ${ABBR}`, outState: `Output GST Out-state - ${ABBR}`, inStateRcm: `Output GST RCM In-state - ${ABBR}` },
    accounts: { cgst: `Output Tax CGST - ${ABBR}`, sgst: `Output Tax SGST - ${ABBR}`, igst: `Output Tax IGST - ${ABBR}`, freight: `Freight and Forwarding Charges - ${ABBR}`, discount: `Miscellaneous Expenses - ${ABBR}` },
  };
}
