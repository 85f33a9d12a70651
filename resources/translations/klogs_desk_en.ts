<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en_US">
<context>
    <name>CardForm</name>
    <message>
        <source>New</source>
        <extracomment>Enter was pressed in one of the inputs. Esc was pressed in one of the inputs. The amount or currency changed: (amount or None when it does not parse, currency). The card fields were wiped because nobody typed for ``idle_seconds``.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount to charge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card holder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name as on the card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CVV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card brand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New order ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate a fresh order ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} digits</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DomainMessages</name>
    <message>
        <source>Enter the card number.</source>
        <extracomment>Languages with a translation, default first. The locale that formats numbers and dates for each language. Messages of ``domain/`` (which never imports Qt), listed here so lupdate collects them. Messages with a value in them are matched by the patterns below and translated with the value put back.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card number has only digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card number is too short or too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card number is not valid (check digit). Check it was typed right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the expiry as MM/YY.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The expiry month is 01 to 12.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card has expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The expiry year is too far ahead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the security code (CVV).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the card holder&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name is at most 100 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name has letters only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount must be greater than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use digits and one decimal separator only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not an amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use one decimal separator only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thousands separators must group digits in threes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an order ID (press New for a fresh one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order ID is at most 64 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use letters, digits and - _ . / only, starting with a letter or digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A {brand} card number has {lengths} digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The security code has {count} digits for this card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{currency} has no decimal places.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{currency} allows at most {digits} decimal places.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount is over the limit of {limit}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown currency {currency}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExpiryLineEdit</name>
    <message>
        <source>MM/YY</source>
        <extracomment>Gateway field names (camelCase) -&gt; the form field that shows their errors.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <source>Wrong PIN. The terminal stays locked.</source>
        <extracomment>True when the lock screen appeared, False when it went away.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InstallmentPlanBanner</name>
    <message>
        <source>Installment plan of this sale</source>
        <extracomment>The quoted row&apos;s figures, when the Installments tab still holds them (shown, never sent).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the installment plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the installment plan: the sale is then paid at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;3-D Secure sale of {amount} {plan}.&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card holder pays {count} × {each} = {total}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the card again: card details are never carried over from the Installments tab.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InstallmentSale</name>
    <message>
        <source>Installment plan note</source>
        <extracomment>The note outlives the payment that wrote it (a decline), then goes with the next one.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installment plan removed: this sale is paid at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A payment is in progress. Choose the installment option again when it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The installment plan went with the declined order. For another card, choose the option again in the Installments tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the currency changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the amount was cleared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the amount changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installment plan removed: {what}, and the options were quoted for {quoted}. Choose an option again in the Installments tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installment plan removed: installments are only paid with 3-D Secure.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InstallmentsTab</name>
    <message>
        <source>Installments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per installment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. {amount}</source>
        <extracomment>(installment count, interest paid by customer, amount quoted (Decimal), currency) The table was filled: the options shown (list of InstallmentOption).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card number (only the first digits decide the options)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer pays the interest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum number of installments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer pays the interest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show installment options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installment options message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card quoted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> installments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installment options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the selected installment option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a 3-D Secure sale with the selected number of installments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the gateway…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card {card} {brand} · {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 (single payment)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This card has no installment options for this amount: a single payment only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This card can only pay in a single payment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} options; the customer pays the interest. Double-click a row or select it and press Use this option.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} options; you (the merchant) pay the interest. Double-click a row or select it and press Use this option.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway refused the request: see the marked fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No options: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The inputs changed: press Show options again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Terminal locked</source>
        <extracomment>Input that counts as the cashier being there.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The terminal was idle and is locked. Enter the PIN to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The terminal was idle and is locked. No PIN is set: a manager can set one in Settings so that only staff can unlock it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Sale</source>
        <extracomment>Tab text; ``&amp;`` marks the Alt+letter mnemonic. The tab&apos;s class; later names are accepted spellings (the pre-authorization tab is ``PreAuthTab``).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pre-authorization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Installments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Checkout links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ubscriptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TRAINING MODE — this terminal talks to the built-in sandbox gateway. No real money moves. Press F1 for the test cards.</source>
        <extracomment>An answer within this many seconds counts as &quot;answered recently&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminal functions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About klogs-desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credentials not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway: no answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway: answered {ago}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway: last answer {ago}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway: not contacted yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A request to the gateway is still in progress. If you quit now its outcome will be recorded as unknown and must be checked later.

Quit anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{seconds} s ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{minutes} min ago</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreAuthTab</name>
    <message>
        <source>Order ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authorized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left to capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>just now</source>
        <extracomment>How often the ages in the list are brought up to date.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount to hold on the card</source>
        <extracomment>A pre-authorization or capture ended (any state) and the tab is ready for the next action; the journal already holds it. Carries the :class:`PaymentOutcome`. The journal id of the pre-authorization whose amount is in the capture field.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authorize</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authorize (hold the amount on the card)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open pre-authorizations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open pre-authorizations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a pre-authorization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount to capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture the selected pre-authorization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charge the card the amount typed (at most what is left); the rest of the hold is released</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture amount:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authorizing — please wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pre-authorization did not go through</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a pre-authorization to capture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capturing — please wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The capture did not go through</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A capture of {order_id} has no known outcome yet. Resolve it in the Journal before capturing again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>capture outcome unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most {amount}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultPanel</name>
    <message>
        <source>APPROVED</source>
        <extracomment>(headline, background, text colour) per state; headlines are translated when shown (context ``ResultPanel``).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DECLINED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3-D SECURE REQUIRED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OUTCOME UNKNOWN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NOT CHARGED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NOT SENT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CANCELLED — NOT CHARGED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payment may or may not have gone through. &lt;b&gt;Do not charge again.&lt;/b&gt; Check the Journal — it will be resolved with the gateway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment result</source>
        <extracomment>The cashier asked for the receipt of this journal entry id. The cashier chose &quot;Pay with 3-D Secure&quot; for an ENROLLED card.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay with 3-D Secure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result: {headline}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charged with interest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheme / type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domestic / international</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auth code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SaleTab</name>
    <message>
        <source>Pay</source>
        <extracomment>A payment ended (any state); the journal already holds it. The cashier chose 3-D Secure for an ENROLLED card: the :class:`CardOrder` to send through /api/3ds. Replaces :meth:`PaymentService.sale` when set (3-D Secure switch). Duplicates are checked first.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter pays · Esc clears</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending — please wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payment did not go through</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possible double charge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charge again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not charge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay {amount} {currency}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3-D Secure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card details were cleared. Type the card again and pay with 3-D Secure.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>System language</source>
        <extracomment>Each language is named in itself, so a cashier who cannot read the current one still finds theirs.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandbox (training)</source>
        <extracomment>The environments as Settings shows them (translated when shown).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Production</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer has no password store (keyring), so the API credentials cannot be saved securely. Credentials can be kept for this session only: you will need to enter them again the next time the terminal starts.</source>
        <extracomment>:data:`CredentialStoreUnavailable.MESSAGE` word for word, so lupdate offers it for translation.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment API URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscriptions API URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep credentials for this session only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Payment API URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Subscriptions API URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API s&amp;ecret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bearer token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant line on receipts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear card fields after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language is used from the next start of the terminal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Merchant line on receipts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear card fields after &amp;idle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock the terminal after idle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voids and refunds need the manager PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New manager PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New manager PIN again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;PIN (4-8 digits):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New PIN &amp;again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A manager PIN is set. Leave the fields blank to keep it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No manager PIN is set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default: {url}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the built-in sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blank: {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{url}” is not a web address. Use the form https://host/ or leave it blank for the default.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Production must use https:// (card data is never sent in clear text).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The manager PIN must be 4 to 8 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two PINs are different. Type the same PIN twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set a manager PIN before requiring it for voids and refunds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch to production?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In PRODUCTION every approved payment charges a real card.

Switch this terminal to production?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No password store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick “Keep credentials for this session only” and save again, or install a password store (keyring).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox has no address: enter its URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking both APIs…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>SANDBOX</source>
        <extracomment>English; shown through ``QCoreApplication.translate(&quot;Theme&quot;, text)`` (likewise ``description``). Longer explanation, for the label&apos;s tooltip and accessible description.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training mode: the built-in sandbox gateway. No real money moves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TEST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Klogs test gateway: test cards only, no real money moves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PRODUCTION — real cards are charged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live gateway: every approved payment charges a real card.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
