// Checks an audit receipt in the reporter's browser, without trusting the server that sent it: recomputes each entry's
// content digest and each link's hash (the README's audit section) and verifies the checkpoint's ES256 signature.
(async () => {
    const box = document.getElementById("receipt");
    const result = document.getElementById("receipt-result");
    if (!box || !result) return;
    const encoder = new TextEncoder();
    const hex = bytes => Array.from(new Uint8Array(bytes), b => b.toString(16).padStart(2, "0")).join("");
    const sha256 = async text => hex(await crypto.subtle.digest("SHA-256", encoder.encode(text)));
    // yyyy-MM-ddTHH:mm:ss.ffffffZ in UTC, microseconds truncated as .NET's "ffffff" does; JavaScript dates stop at milliseconds.
    const timestamp = value => {
        const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/.exec(value);
        if (!m) throw new Error("unreadable time " + value);
        const utc = new Date(m[1] + (m[3] === "Z" ? "Z" : m[3])).toISOString().slice(0, 19);
        return utc + "." + (m[2] || "").padEnd(7, "0").slice(0, 6) + "Z";
    };
    const field = f => `${encoder.encode(f).length}:${f}\n`;
    const contentDigest = e => sha256([
        "haven-audit-entry:v1", e.institutionId, String(e.sequence), e.eventId, e.type, timestamp(e.occurredAt),
        timestamp(e.recordedAt), e.actor ?? "", e.subjectRef ?? "", e.payloadDigest,
    ].map(field).join(""));
    const fail = reason => { result.textContent = "✗ The receipt does not check out: " + reason; result.dataset.verified = "false"; };
    try {
        const receipt = JSON.parse(box.dataset.receipt);
        const links = receipt.links;
        const own = links.filter(l => l.entry);
        if (own.length === 0) return fail("it holds none of your report's entries.");
        let hash = own[0].entry.previousHash;
        for (const link of links) {
            if (link.entry && await contentDigest(link.entry) !== link.contentDigest) return fail(`entry ${link.sequence} does not match its digest.`);
            hash = await sha256(hash + link.contentDigest);
            if (hash !== link.hash) return fail(`the chain breaks at entry ${link.sequence}.`);
        }
        const checkpoint = receipt.checkpoint;
        if (hash !== checkpoint.headHash || links[links.length - 1].sequence !== checkpoint.sequence) return fail("the chain does not end at the signed checkpoint.");
        const statement = `haven-audit-checkpoint:v1\n${checkpoint.institutionId}\n${checkpoint.sequence}\n${checkpoint.headHash}\n${timestamp(checkpoint.signedAt)}`;
        if (statement !== checkpoint.statement) return fail("the checkpoint's signed statement does not say what the checkpoint says.");
        const pem = receipt.key.publicKeyPem.replace(/-----[^-]+-----/g, "").replace(/\s+/g, "");
        const key = await crypto.subtle.importKey("spki", Uint8Array.from(atob(pem), c => c.charCodeAt(0)),
            { name: "ECDSA", namedCurve: "P-256" }, false, ["verify"]);
        const signature = Uint8Array.from(atob(checkpoint.signature), c => c.charCodeAt(0));
        if (!await crypto.subtle.verify({ name: "ECDSA", hash: "SHA-256" }, key, signature, encoder.encode(statement))) {
            return fail("the checkpoint's signature is not valid.");
        }
        result.dataset.verified = "true";
        result.textContent = `✓ Checked in your browser: your report is in the audit log (${own.length} ${own.length === 1 ? "entry" : "entries"} of your case), in an unbroken chain `
            + `of ${links.length} entries up to checkpoint ${checkpoint.sequence}, signed ${checkpoint.signedAt} with key ${receipt.key.keyId}.`;
    } catch (e) {
        fail(e.message);
    }
})();
