/** Premiere's metadata packets in the shapes it has been seen to answer, edited as XML. */
import { readPacket, writePacket } from "../../src/host/premiere/xmpPacket";

const NS = "http://ns.adobe.com/premierePrivateProjectMetaData/1.0/";
const wrap = (d: string) => `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">${d}</rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;

describe("project metadata packets", () => {
  it("declares the namespace when the packet lacks it, keeping what else it holds", () => {
    const xml = writePacket(wrap(`<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/"><xmp:CreatorTool>Premiere</xmp:CreatorTool></rdf:Description>`), NS, "premierePrivateProjectMetaData", { CutawayJob: "j-1" });
    expect(xml).toContain(`xmlns:premierePrivateProjectMetaData="${NS}"`);
    expect(xml).toContain("<xmp:CreatorTool>Premiere</xmp:CreatorTool>");
    expect(readPacket(xml, NS).get("CutawayJob")).toBe("j-1");
  });

  it("replaces a field held as an attribute, under whatever prefix the packet binds, on a self-closing Description", () => {
    const xml = writePacket(wrap(`<rdf:Description rdf:about="" xmlns:pp="${NS}" pp:CutawayJob="old" pp:Other="keep"/>`), NS, "premierePrivateProjectMetaData", { CutawayJob: 'a <b> & "c"' });
    const fields = readPacket(xml, NS);
    expect([fields.get("CutawayJob"), fields.get("Other")]).toEqual(['a <b> & "c"', "keep"]);
    expect(xml).not.toContain('pp:CutawayJob="old"');
    expect(xml).toContain("<pp:CutawayJob>a &lt;b&gt; &amp; &quot;c&quot;</pp:CutawayJob>");
  });

  it("replaces a field held as an element, and starts a fresh packet from one that is not XML", () => {
    const xml = writePacket(wrap(`<rdf:Description rdf:about="" xmlns:premierePrivateProjectMetaData="${NS}"><premierePrivateProjectMetaData:CutawayJob>old</premierePrivateProjectMetaData:CutawayJob></rdf:Description>`), NS, "premierePrivateProjectMetaData", { CutawayJob: "new" });
    expect(xml.match(/CutawayJob>/g)).toHaveLength(2);
    expect(readPacket(xml, NS).get("CutawayJob")).toBe("new");
    expect(readPacket(writePacket("<broken <xml", NS, "premierePrivateProjectMetaData", { CutawayJob: "x" }), NS).get("CutawayJob")).toBe("x");
  });
});
