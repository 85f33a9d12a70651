"""The docs' examples (/work/shared/klogs-api), per operation, for the sandbox's OpenAPI document.

A copy, because the shipped sandbox cannot read the docs: ``"request"`` is the request body's example,
``"response"`` the 200 answer's, and a status code (``"400"``) that answer's. The payment gateway's page
writes its objects as tables, so those examples are built from the tables' Example column (as
tests/api/test_doc_examples.py does); the registered-payment pages' JSON is taken as it is.

Written once each: an example the docs give to several operations is a name here (:data:`CARD_REQUEST`,
:data:`PAYMENT_RESPONSE`, the subscription update) and :data:`EXAMPLES` is a table of operations pointing at
them. The pre-authorization, capture, 3-D Secure completion and checkout lookup answer "the same as Payment
response", so they point at the payment's example. ``GET /api/trx/{referenceCode}`` has no example in the docs.

tests/sandbox/test_openapi_document.py extracts the examples from the docs again and compares: when the
docs change, it fails; its ``docs_examples()`` gives the new values to put here (pprint, ``sort_dicts=False``).
Nothing mutates these dicts: the document is built from JSON copies of them.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

#: The card sale's request (``POST /api/payment``); the pre-authorization's is the same.
CARD_REQUEST: dict[str, Any] = \
{'orderId': 'ORD-12345',
 'amount': Decimal('100.50'),
 'currency': 'TRY',
 'cardHolderName': 'John Doe',
 'pan': '5421190122090656',
 'expiryMonth': '04',
 'expiryYear': '28',
 'cvv': '916',
 'requestIp': '192.168.1.1',
 'requestPort': 8080,
 'customerId': 'CUST-12345'}

#: The payment's answer, also the pre-authorization's, its capture's, the 3-D Secure completion's and the
#: checkout lookup's ("the same as Payment response").
PAYMENT_RESPONSE: dict[str, Any] = \
{'paymentId': '123e4567-e89b-12d3-a456-426614174000',
 'orderId': 'ORD-12345',
 'amount': Decimal('100.50'),
 'installmentCount': 3,
 'currency': 'TRY',
 'merchantCommission': Decimal('2.50'),
 'status': 'SUCCESS',
 'paymentDate': '2023-05-01T14:30:00Z',
 'cardHolderName': 'John Doe',
 'pan': '411111******1111',
 'domInt': 'DOM',
 'cardScheme': 'VISA',
 'cardType': 'CREDIT',
 'loyaltyCode': 'GOLD123',
 'externalTransactionId': 'EXT123456789',
 'authCode': 'AUTH987654',
 'resultCode': 'SUCCESS',
 'resultMessage': 'Successful',
 'customerId': 'CUST-12345'}

#: Both ways of updating a subscription (by ID, by subscription reference): same request, same answer.
_SUBSCRIPTION_UPDATE: dict[str, Any] = \
{'request': {'amount': Decimal('119.90'),
             'currencyCode': 'TRY',
             'explanation': 'Premium Plus subscription - monthly',
             'lastPaymentTime': '2028-03-01T00:00:00Z',
             'paymentSystemGroupId': '3fa85f64-5717-4562-b3fc-2c963f66afa6',
             'paymentSystemId': '3fa85f64-5717-4562-b3fc-2c963f66afa6',
             'paymentChannel': 'mobile',
             'frequency': 'monthly',
             'status': 'active',
             'interval': 1,
             'dayOfMonth': 1},
 'response': {'success': True}}

EXAMPLES: dict[str, dict[str, Any]] = {
    'POST /api/payment': {
        'request': CARD_REQUEST,
        'response': PAYMENT_RESPONSE,
    },
    'POST /api/pre-authorization': {
        'request': CARD_REQUEST,
        'response': PAYMENT_RESPONSE,
    },
    'POST /api/pre-authorization/{paymentId}/capture': {
        'request': {'amount': Decimal('90.00'), 'currency': 'TRY'},
        'response': PAYMENT_RESPONSE,
    },
    'POST /api/3ds': {
        'request': {'orderId': 'ORD-12345',
                    'amount': Decimal('100.50'),
                    'currency': 'TRY',
                    'installmentCount': 3,
                    'interestPaidByCustomer': True,
                    'cardHolderName': 'John Doe',
                    'pan': '5421190122090656',
                    'expiryMonth': '04',
                    'expiryYear': '28',
                    'cvv': '916',
                    'successUrl': 'https://example.com/3ds/success',
                    'failureUrl': 'https://example.com/3ds/failure',
                    'requestIp': '192.168.1.1',
                    'requestPort': 8080,
                    'customerId': 'CUST-12345'},
        'response': {'paymentId': '123e4567-e89b-12d3-a456-426614174000',
                     'success': True,
                     'resultCode': 'SUCCESS',
                     'resultMessage': 'Successful',
                     'htmlContent': '<form action="https://3ds.example.com" method="POST">...</form>'},
    },
    'POST /api/3ds/{paymentId}/complete': {
        'request': {'securityKey': '3DS_AUTH_KEY_123456'},
        'response': PAYMENT_RESPONSE,
    },
    'POST /api/installment-options': {
        'request': {'amount': Decimal('1000.00'),
                    'currency': 'TRY',
                    'pan': '5421190122090656',
                    'maxInstallmentCount': 12,
                    'interestPaidByCustomer': True},
        'response': {'options': [{'installmentCount': 2,
                                  'installmentAmount': Decimal('510.00'),
                                  'currency': 'TRY',
                                  'interestAmount': Decimal('20.00'),
                                  'totalAmount': Decimal('1020.00')},
                                 {'installmentCount': 3,
                                  'installmentAmount': Decimal('345.00'),
                                  'currency': 'TRY',
                                  'interestAmount': Decimal('35.00'),
                                  'totalAmount': Decimal('1035.00')}]},
    },
    'POST /api/checkout': {
        'request': {'orderId': 'ORD-12345',
                    'amount': Decimal('100.50'),
                    'currency': 'TRY',
                    'description': 'Product purchase',
                    'callback': 'https://example.com/payment-callback',
                    'customerId': 'CUST-12345',
                    'maxInstallmentCount': 6,
                    'interestPaidByCustomer': True},
        'response': {'checkoutId': '123e4567-e89b-12d3-a456-426614174000',
                     'redirectUrl': 'https://api.example.com/checkout-link/123e4567-e89b-12d3-a456-426614174000'},
    },
    'GET /api/checkout/{checkoutId}': {
        'response': PAYMENT_RESPONSE,
    },
    'POST /api/trx/void': {
        'request': {'referenceCode': 'ORD-12345'},
        'response': {'success': True},
    },
    'POST /api/trx/refund': {
        'request': {'referenceCode': 'ORD-12345', 'amount': Decimal('25.50')},
        'response': {'success': True},
    },
    'POST /owner': {
        'request': {'phone': '+905551234567'},
        'response': {'success': True},
    },
    'POST /paymentOrder': {
        'request': {'reference': 'ORDER-2026-001',
                    'amount': Decimal('150.50'),
                    'currencyCode': 'TRY',
                    'paymentSystemId': '3fa85f64-5717-4562-b3fc-2c963f66afa6',
                    'explanation': 'Subscription fee - February 2026',
                    'ownerDescription': {'fullName': 'John Doe',
                                         'email': 'john.doe@example.com',
                                         'phone': '+905551234567',
                                         'cardId': '3fa85f64-5717-4562-b3fc-2c963f66afa6'},
                    'paymentChannel': 'web',
                    'paymentTime': '2026-02-28T09:00:00Z'},
        'response': {'success': True,
                     'error': None,
                     'shouldBeOwnerConfirmation': False,
                     'ownerId': 'OWN-123456',
                     'orderStatus': 'active'},
    },
    'POST /recurring': {
        'request': {'reference': 'SUB-2026-001',
                    'amount': Decimal('99.90'),
                    'currencyCode': 'TRY',
                    'paymentSystemId': '3fa85f64-5717-4562-b3fc-2c963f66afa6',
                    'explanation': 'Premium subscription - monthly',
                    'ownerDescription': {'fullName': 'Jane Smith',
                                         'email': 'jane.smith@example.com',
                                         'phone': '+905559876543',
                                         'cardId': '3fa85f64-5717-4562-b3fc-2c963f66afa6'},
                    'paymentChannel': 'mobile',
                    'firstPaymentTime': '2026-03-01T00:00:00Z',
                    'lastPaymentTime': '2027-03-01T00:00:00Z',
                    'frequency': 'monthly',
                    'interval': 1,
                    'dayOfMonth': 1},
        'response': {'success': True,
                     'error': None,
                     'shouldBeOwnerConfirmation': False,
                     'ownerId': 'OWN-123456',
                     'orderStatus': 'active'},
        '400': {'type': 'https://tools.ietf.org/html/rfc7231#section-6.5.3',
                'title': 'Forbidden',
                'status': 403,
                'detail': 'Insufficient permissions',
                'instance': '/recurring'},
    },
    'GET /recurring': {
        'response': {'currentPage': 1,
                     'pageCount': 5,
                     'totalCount': 47,
                     'hasNext': True,
                     'hasPrevious': False,
                     'stateKey': 'abc123',
                     'pages': [1, 2, 3, 4, 5],
                     'list': [{'id': '3fa85f64-5717-4562-b3fc-2c963f66afa6',
                               'amount': Decimal('99.90'),
                               'currencyCode': 'TRY',
                               'status': 'active',
                               'createdAtUtc': '2026-02-16T10:00:00Z',
                               'reference': 'SUB-2026-001',
                               'explanation': 'Premium subscription - monthly',
                               'interval': 1,
                               'dayOfMonth': 1,
                               'monthOfYear': None,
                               'nextPaymentAtUtc': '2026-03-01T00:00:00Z',
                               'lastPaymentAtUtc': '2026-02-01T00:00:00Z',
                               'phone': '+905559876543',
                               'email': 'jane.smith@example.com'}]},
    },
    'PUT /recurring/{id}': _SUBSCRIPTION_UPDATE,
    'PUT /recurring/subscription/{subscription}': _SUBSCRIPTION_UPDATE,
}
