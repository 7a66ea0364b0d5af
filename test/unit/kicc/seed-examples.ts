/**
 * The request and response examples of KICC's cancellation page, copied verbatim from the team
 * handbook's seed (seed/kicc-payment-cancellation.txt, "Request Example" / "Response Example").
 * KICC-API.md: the request example "must be what our client sends for the same inputs, field for
 * field; its response example must parse into the same values".
 */
export const SEED_REQUEST_EXAMPLE = `{
"tid": "T123456789",
"svcId": "SVC_SIMPLE",
"bizrNo": "1234567890",
"mercTrxNo": "CANCEL_20231225_0001",
"wcc": "G",
"cndTrxNo": "ORD_20231225_0001",
"alotMonth": "00",
"trxAmt": 10000,
"vatAmt": 909,
"svcAmt": 0,
"tranDt": "20231226",
"tranTm": "100000",
"orgAprvDt": "20231225",
"orgAprvNo": "12345678"
}`;

export const SEED_RESPONSE_EXAMPLE = `{
"respCd": "0000",
"respMsg": "Cancellation Success",
"tid": "T123456789",
"svcId": "SVC_SIMPLE",
"bizrNo": "1234567890",
"mercTrxNo": "CANCEL_20231225_0001",
"trxDt": "20231226",
"trxTm": "100001",
"issFmCd": "06",
"issFmNm": "KB Kookmin Card",
"purchFmCd": "06",
"purchFmNm": "KB Kookmin Card",
"joShopNo": "1234567890",
"cndDt": "20231226",
"cndTm": "100002",
"aprvNo": "12345678",
"vanTrxNo": "V12345678902",
"cardConfirmNo": "1234-56**-****-1234"
}`;
