/**
 * Recipes for the fake generic ERP, as a user would write them: one reading the page, one reading
 * its JSON address and recording the IRN back. Also the worked example in docs/.
 */
import type { Recipe } from '@irn-bridge/shared/erps/recipe/index';
import { GENERIC_SELLER } from './generic';

const SELLER_DEFAULTS: Recipe['defaults'] = {
  'SellerDtls.Gstin': GENERIC_SELLER.gstin,
  'SellerDtls.LglNm': GENERIC_SELLER.name,
  'SellerDtls.Addr1': GENERIC_SELLER.address,
  'SellerDtls.Loc': GENERIC_SELLER.city,
  'SellerDtls.Pin': GENERIC_SELLER.pin,
  'TranDtls.SupTyp': 'B2B',
};

/** Reads the invoice page with CSS selectors; no write-back. */
export function genericPageRecipe(origin: string): Recipe {
  return {
    id: 'generic-erp-page',
    label: 'Generic ERP',
    origin,
    urlPattern: '/invoices/{id}',
    source: {
      kind: 'dom',
      fields: {
        'DocDtls.No': '#invoice-number',
        'DocDtls.Dt': { selector: '#invoice-date', parse: 'date-dmy' },
        Status: '#invoice-status',
        Irn: '#invoice-irn',
        'BuyerDtls.LglNm': '#bill-to .party-name',
        'BuyerDtls.Gstin': '#bill-to .party-gstin',
        'BuyerDtls.Addr1': '#bill-to .party-address',
        'BuyerDtls.Loc': '#bill-to .party-city',
        'BuyerDtls.Pin': '#bill-to .party-pin',
        'BuyerDtls.Pos': '#bill-to .party-state',
        'ValDtls.TotInvVal': '#grand-total',
      },
      items: {
        rowSelector: '#invoice-lines tbody tr',
        fields: {
          PrdDesc: '.desc', HsnCd: '.hsn', Qty: '.qty', Unit: '.uom', UnitPrice: '.rate', GstRt: '.gst',
          AssAmt: '.net', TotItemVal: '.amount', Barcde: { selector: ':scope', attr: 'data-sku' },
        },
      },
    },
    defaults: SELLER_DEFAULTS,
    finalWhen: { field: 'Status', pattern: '^posted$' },
    writeBack: { kind: 'none' },
  };
}

/** Reads `/api/invoices/{id}` with the page's session and posts the IRN back with the page's CSRF token. */
export function genericJsonRecipe(origin: string): Recipe {
  return {
    id: 'generic-erp-json',
    label: 'Generic ERP (API)',
    origin,
    urlPattern: '/invoices/{id}',
    source: {
      kind: 'json',
      url: '/api/invoices/{id}',
      fields: {
        'DocDtls.No': 'data.number',
        'DocDtls.Dt': { path: 'data.date', parse: 'date-ymd' },
        Status: 'data.status',
        Irn: 'data.irn',
        'BuyerDtls.LglNm': 'data.customer.name',
        'BuyerDtls.Gstin': 'data.customer.gstin',
        'BuyerDtls.Addr1': 'data.customer.address',
        'BuyerDtls.Loc': 'data.customer.city',
        'BuyerDtls.Pin': 'data.customer.pin',
        'BuyerDtls.Pos': 'data.customer.state',
        'ValDtls.TotInvVal': 'data.totals.grand',
        'ValDtls.RndOffAmt': 'data.totals.round_off',
      },
      items: { path: 'data.lines', fields: { PrdDesc: 'description', HsnCd: 'hsn', Qty: 'qty', Unit: 'unit', UnitPrice: 'rate', GstRt: 'gst_rate', AssAmt: 'net' } },
    },
    defaults: SELLER_DEFAULTS,
    finalWhen: { field: 'Status', pattern: '^posted$' },
    writeBack: {
      kind: 'json-post',
      url: '/api/invoices/{id}/einvoice',
      body: { irn: '{irn}', ack_no: '{ackNo}', ack_date: '{ackDt}', signed_qr_code: '{signedQrCode}' },
      csrf: { selector: 'meta[name="csrf-token"]', header: 'X-CSRF-Token' },
    },
  };
}
