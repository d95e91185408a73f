def test_home_page_shows_the_three_banners(client, home_page):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Leave this site" in html
    assert "Accept additional cookies" in html
    assert "your feedback helps us make things better" in html
