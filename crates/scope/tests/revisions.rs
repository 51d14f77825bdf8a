//! The revision list with the catalog's two revisions: the switch's marks and badges as they have
//! always read. (The report of `ems-scope revision-diff` on a made-up third revision:
//! crates/cli/tests/revision_pages.rs.)
#![cfg(not(feature = "third-revision"))]

use scope::catalog::{Changes, ItemId, Revision};

fn item(id: &str) -> &'static scope::catalog::Item {
    ItemId::by_id(id).unwrap().get()
}

#[test]
fn two_revisions_newest_last_and_the_default() {
    let ids: Vec<&str> = Revision::all().map(|r| r.id()).collect();
    assert_eq!(ids, ["earlier", "current"]);
    assert_eq!(Revision::newest(), Revision::CURRENT);
    assert_eq!(Revision::default(), Revision::CURRENT);
    assert_eq!((Revision::EARLIER.previous(), Revision::CURRENT.next()), (None, None));
    // What the switch marks beside each revision.
    assert_eq!(Revision::EARLIER.changes(), Changes::default());
    assert_eq!(Revision::CURRENT.changes(), Changes { new: 3, reworded: 17, dropped: 16 });
}

#[test]
fn badges_read_as_they_always_have() {
    let change = |id: &str, r| item(id).change_in(r);
    let pair = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
    assert_eq!(
        change("rms.connector", Revision::CURRENT),
        pair(
            "From the earlier page",
            "The later page has no Azure Rights Management section; this line is from the earlier page."
        )
    );
    assert_eq!(change("rms.connector", Revision::EARLIER), None);
    assert_eq!(change("aad_cap.pim", Revision::CURRENT), pair("New on 10/02/2016", "Not on the earlier page."));
    assert_eq!(
        change("aad_cap.adfs", Revision::EARLIER),
        pair("Dropped later", "The 10/02/2016 page no longer lists this.")
    );
    assert_eq!(
        change("intune.mdm.enroll_devices", Revision::CURRENT),
        pair(
            "Reworded",
            "The earlier page said: \u{201c}Enrolling up to two test devices of each supported platform to your Microsoft Intune or Configuration Manager with Microsoft Intune service.\u{201d}"
        )
    );
    assert_eq!(
        change("aad.multi_forest.connect_sync", Revision::EARLIER),
        pair("Reworded later", "The 10/02/2016 page says: \u{201c}For a multiple-forest environment:\u{201d}")
    );
    assert_eq!(change("enable.dns", Revision::CURRENT), None);
    assert_eq!(change("enable.dns", Revision::EARLIER), None);
}
