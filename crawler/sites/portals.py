"""Profiles of real portals, from stored copies of public pages (none fetched live).

``verified=False`` marks a profile with a guessed entry point or URL pattern; the note
says what is guessed. Confirm online with ``vnportal check-site NAME`` before relying on it.
Names are the portal's host. Validity dates: 2025-02-03 (Ban Tuyên giáo and Ban Dân vận
merged at every level) and 2025-07-01 (Nghị quyết 202/2025/QH15: 34 provinces, no districts).
"""
from __future__ import annotations

from crawler.sites.base import Listing, Selectors, SiteProfile

BOARDS_MERGED = "2025-02-03"
PROVINCES_MERGED = "2025-07-01"

LIFERAY = Selectors(title=".asset-full-content-title", date=".assetPublishDate", body=".journal-content-article")

PORTALS: tuple[SiteProfile, ...] = (
    # -- central level -------------------------------------------------------------------
    SiteProfile(
        name="tuyengiao.vn", province="", level="central", domains=("tuyengiao.vn",),
        listings=tuple(Listing(f"https://tuyengiao.vn/{section}", "?page={n}") for section in
                       ("thoi-su-chinh-tri", "nhip-cau-tuyen-giao", "khoa-giao", "van-hoa-xa-hoi")),
        article_pattern=r"^https?://[^/]+(/[A-Za-z0-9-]+){1,2}/[^/?#]+-\d{3,}(\.html)?$",
        selectors=Selectors(date="span.story_date"), valid_until=BOARDS_MERGED,
        note="Ban Tuyên giáo TW; an archive since the 2025 merger (back catalogue 2015-2025)."),
    SiteProfile(
        name="tuyengiaodanvan.vn", province="", level="central", domains=("tuyengiaodanvan.vn",),
        platform="spa",
        listings=(Listing("https://tuyengiaodanvan.vn/blogs/category/type/news?categoryId=1&size=10", "?page={n}"),),
        article_pattern=r"^https?://[^/]+/vn/[^/?#]+$", valid_from=BOARDS_MERGED, verified=False,
        note="Ban Tuyên giáo và Dân vận TW. Client-rendered: the HTML may lack the text. "
             "Listing type and categoryId are guesses."),
    SiteProfile(
        name="baochinhphu.vn", province="", level="central", domains=("baochinhphu.vn",),
        rss=("https://baochinhphu.vn/home.rss", "https://baochinhphu.vn/rss/phap-luat.rss"),
        article_pattern=r"^https?://[^/]+/[^/?#]+-\d{15,}\.htm$",
        note="Government e-newspaper."),
    SiteProfile(
        name="dangcongsan.vn", province="", level="central", domains=("dangcongsan.vn",),
        listings=(Listing("https://dangcongsan.vn/xay-dung-dang"),),
        article_pattern=r"^https?://[^/]+/[a-z0-9-]+/[^/?#]+-\d{4,}\.html$",
        selectors=Selectors(body="div.post-content"),
        note="Party e-newspaper; listing pagination is followed from the pager links."),
    # -- north ---------------------------------------------------------------------------
    SiteProfile(
        name="haiphong.gov.vn", province="Hải Phòng", level="city", domains=("haiphong.gov.vn",),
        listings=(Listing("https://haiphong.gov.vn/tin-tuc-su-kien", "?page={n}"),),
        article_pattern=r"^https?://[^/]+/(tin-tuc-su-kien|Diem-bao)/[^/?#]+-\d{4,}(\.html)?$",
        verified=False,
        note="Article URLs lost their .html suffix at some point (both accepted). Pagination parameter is a guess."),
    SiteProfile(
        name="thanhphohaiphong.gov.vn", province="Hải Phòng", level="city",
        domains=("thanhphohaiphong.gov.vn",), platform="wordpress",
        rss=("https://thanhphohaiphong.gov.vn/feed/",),
        sitemaps=("https://thanhphohaiphong.gov.vn/wp-sitemap.xml",),
        article_pattern=r"^https?://[^/]+/[a-z0-9]+(-[a-z0-9]+){2,}\.html$", verified=False,
        note="WordPress news portal; /feed/ and /wp-sitemap.xml are the WordPress defaults (guess)."),
    SiteProfile(
        name="haiduong.gov.vn", province="Hải Dương", level="province", domains=("haiduong.gov.vn",),
        platform="sharepoint", listings=(Listing("https://haiduong.gov.vn/"),),
        article_pattern=r"/Trang/ChiTietTinTuc\.aspx\?(.*&)?nid=\d+", valid_until=PROVINCES_MERGED,
        verified=False,
        note="Merged into Hải Phòng; whether the archive still resolves is unknown. Start page is a guess."),
    SiteProfile(
        name="haiduong.haiphong.gov.vn", province="Hải Phòng", level="ward",
        domains=("haiduong.haiphong.gov.vn",), listings=(Listing("https://haiduong.haiphong.gov.vn/"),),
        article_pattern=r"^https?://[^/]+/[^?#]*[^/?#]+-\d{4,}(\.html?)?$", valid_from=PROVINCES_MERGED,
        verified=False, note="Portal of phường Hải Dương since the merger; article URL shape is a guess."),
    SiteProfile(
        name="hanoi.gov.vn", province="Hà Nội", level="city", domains=("hanoi.gov.vn",),
        listings=(Listing("https://hanoi.gov.vn/tin-so-nganh"),),
        article_pattern=r"^https?://[^/]+/[a-z0-9-]+/[^/?#]+-\d{6,}\.htm$", verified=False,
        note="Listing taken from the article URL's section; not seen as a page."),
    SiteProfile(
        name="quangninh.gov.vn", province="Quảng Ninh", level="province", domains=("quangninh.gov.vn",),
        platform="sharepoint",
        listings=(Listing("https://www.quangninh.gov.vn/Trang/Tin-tuc-su-kien.aspx?Cat=82", "?Page={n}"),),
        article_pattern=r"/Trang/ChiTietTinTuc\.aspx\?(.*&)?nid=\d+", verified=False,
        note="SharePoint; the Page parameter is a guess. An RSS index page exists (URL not recorded)."),
    SiteProfile(
        name="btgtu.quangninh.gov.vn", province="Quảng Ninh", level="party_board",
        domains=("btgtu.quangninh.gov.vn",), platform="sharepoint",
        listings=(Listing("https://btgtu.quangninh.gov.vn/"),),
        article_pattern=r"/Trang/ChiTiet[A-Za-z]*\.aspx\?(.*&)?(bvid|nid)=\d+", verified=False,
        note="Ban Tuyên giáo Tỉnh ủy; start page is a guess."),
    SiteProfile(
        name="btgdvtu.quangninh.dcs.vn", province="Quảng Ninh", level="party_board",
        domains=("btgdvtu.quangninh.dcs.vn",), listings=(Listing("https://btgdvtu.quangninh.dcs.vn/"),),
        article_pattern=r"^https?://[^/]+/[^?#]*[^/?#]+-\d{3,}(\.html?)?$", valid_from=BOARDS_MERGED,
        enabled=False, verified=False,
        note="Merged board; the domain follows the btgdvtu.<tỉnh>.dcs.vn pattern but was not seen."),
    SiteProfile(
        name="tuyengiaothainguyen.org.vn", province="Thái Nguyên", level="party_board",
        domains=("tuyengiaothainguyen.org.vn",), platform="nukeviet",
        listings=(Listing("https://tuyengiaothainguyen.org.vn/vi/news/", "page-{n}"),),
        article_pattern=r"/vi/news/[^/?#]+/[^/?#]+-\d+\.html$", verified=False,
        note="NukeViet-like (guess); listing path and pager are the NukeViet defaults (guess)."),
    # -- centre --------------------------------------------------------------------------
    SiteProfile(
        name="thanhhoa.gov.vn", province="Thanh Hóa", level="province", domains=("thanhhoa.gov.vn",),
        platform="sharepoint", listings=(Listing("https://thanhhoa.gov.vn/portal/KenhTin/Tin-tuc-su-kien.aspx"),),
        article_pattern=r"(?i)/portal/pages/\d{4}-\d{2}-\d{2}/[^/?#]+-\d+\.aspx$", verified=False,
        note="No feed seen; the channel name in the listing URL is a guess."),
    SiteProfile(
        name="nghean.gov.vn", province="Nghệ An", level="province", domains=("nghean.gov.vn",),
        listings=(Listing("https://nghean.gov.vn/tin-tuc-su-kien-73053"),),
        article_pattern=r"/[a-z0-9-]+-\d+/[^/?#]+-\d+$|/vi-VN/1/\d+/\d+/\d+/tintuc/[^/?#]+\.aspx$",
        verified=False, note="Listing taken from the article URL's section; older .aspx URLs accepted."),
    SiteProfile(
        name="danang.gov.vn", province="Đà Nẵng", level="city", domains=("danang.gov.vn",),
        platform="liferay", listings=(Listing("https://danang.gov.vn/web/thong-tin-bao-chi/danh-muc"),),
        article_pattern=r"/web/thong-tin-bao-chi/danh-muc/chi-tiet\?(.*&)?id=\d+", selectors=LIFERAY,
        verified=False, note="Liferay asset publisher; the listing URL is a guess, pages follow _cur=N links."),
    SiteProfile(
        name="daklak.gov.vn", province="Đắk Lắk", level="province", domains=("daklak.gov.vn",),
        sitemaps=("https://daklak.gov.vn/robots.txt",),
        article_pattern=r"^https?://[^/]+/[^?#]*[^/?#]+-\d{3,}(\.html?)?$", verified=False,
        note="robots.txt names the sitemap; the article URL shape is a guess. Includes Phú Yên since 2025-07-01."),
    SiteProfile(
        name="btgtu.binhthuan.dcs.vn", province="Bình Thuận", level="party_board",
        domains=("btgtu.binhthuan.dcs.vn",), listings=(Listing("https://btgtu.binhthuan.dcs.vn/"),),
        article_pattern=r"/Trang-chu/post/\d+/[^/?#]+", verified=False,
        note="Ban Tuyên giáo Tỉnh ủy; start page is a guess."),
    # -- south ---------------------------------------------------------------------------
    SiteProfile(
        name="hochiminhcity.gov.vn", province="TP. Hồ Chí Minh", level="city",
        domains=("hochiminhcity.gov.vn",), platform="liferay",
        listings=(Listing("https://hochiminhcity.gov.vn/"),),
        article_pattern=r"^https?://[^/]+(/vi)?/web/hcm/(-|w)/[^/?#]+$", selectors=LIFERAY, verified=False,
        note="Liferay asset publisher (10 a page, _cur=N); start page is a guess."),
    SiteProfile(
        name="hcmcpv.org.vn", province="TP. Hồ Chí Minh", level="party_committee",
        domains=("hcmcpv.org.vn",), listings=(Listing("https://hcmcpv.org.vn/"),),
        article_pattern=r"/tin-tuc/[^/?#]+-\d{6,}$", verified=False,
        note="Thành ủy TP.HCM; start page is a guess."),
    SiteProfile(
        name="kiengiang.gov.vn", province="Kiên Giang", level="province", domains=("kiengiang.gov.vn",),
        platform="sharepoint", listings=(Listing("https://kiengiang.gov.vn/"),),
        article_pattern=r"/Trang/ChiTietTinTuc\.aspx\?(.*&)?nid=\d+", valid_until=PROVINCES_MERGED,
        verified=False,
        note="Merged into An Giang; archive status unknown. Article URL shape guessed from other SharePoint portals."),
    SiteProfile(
        name="stttt.kiengiang.gov.vn", province="Kiên Giang", level="province",
        domains=("stttt.kiengiang.gov.vn",), platform="sharepoint",
        listings=(Listing("https://stttt.kiengiang.gov.vn/"),),
        article_pattern=r"/m/\d+/\d+/[^/?#]+\.html$", valid_until=PROVINCES_MERGED, verified=False,
        note="Sở Thông tin và Truyền thông subsite; start page is a guess."),
    SiteProfile(
        name="cantho.gov.vn", province="Cần Thơ", level="city", domains=("cantho.gov.vn",),
        platform="websphere", listings=(Listing("https://cantho.gov.vn/wps/portal/"),),
        article_pattern=r"/wps/portal/[^?#]*/[^/?#]+-\d+/?$", enabled=False, verified=False,
        note="IBM WebSphere Portal; the article URL shape is unknown (disabled until checked)."),
    SiteProfile(
        name="vinhlong.gov.vn", province="Vĩnh Long", level="province", domains=("vinhlong.gov.vn",),
        rss=("https://vinhlong.gov.vn/rss/tintuc.rss",),
        article_pattern=r"^https?://[^/]+/(?!rss/)[^?#]+$", verified=False,
        note="Feed items are taken as articles; the article URL shape is not known."),
    SiteProfile(
        name="btg.dongthap.gov.vn", province="Đồng Tháp", level="party_board",
        domains=("btg.dongthap.gov.vn",), platform="liferay",
        listings=(Listing("https://btg.dongthap.gov.vn/web/btg"),),
        article_pattern=r"/web/btg/chi-tiet-bai-viet/-/asset_publisher/[^/]+/content/id/\d+", selectors=LIFERAY,
        verified=False, note="Ban Tuyên giáo Tỉnh ủy; start page is a guess."),
    SiteProfile(
        name="tinhuybinhphuoc.vn", province="Bình Phước", level="party_committee",
        domains=("tinhuybinhphuoc.vn",), platform="nukeviet",
        listings=(Listing("https://tinhuybinhphuoc.vn/news/", "page-{n}"),),
        article_pattern=r"/news/[^/?#]+/[^/?#]+-\d+\.html$", verified=False,
        note="NukeViet (guess): pager page-N seen on tag pages; article URL shape is the NukeViet default."),
    SiteProfile(
        name="tuyengiaotiengiang.vn", province="Tiền Giang", level="party_board",
        domains=("tuyengiaotiengiang.vn",), listings=(Listing("https://tuyengiaotiengiang.vn/"),),
        article_pattern=r"/news/savefile/[^/?#]+/[^/?#]+-\d+/?$", verified=False,
        note="Ban Tuyên giáo Tỉnh ủy; start page is a guess."),
)
